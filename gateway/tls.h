#pragma once
// TLS of the HTTP listener from PEM held in memory, the same certificate,
// key and client CA as the gRPC listener. No civetweb here; the caller
// hands over civetweb's SSL_CTX.

#include <string>

namespace lges::gateway {

// Sets the certificate chain and key on `ssl_ctx` (an OpenSSL SSL_CTX*),
// TLS 1.2 at least, and with a client CA requires and verifies client
// certificates. Returns an error message, or "" on success.
std::string ConfigureTls(void* ssl_ctx, const std::string& cert_chain_pem,
                         const std::string& key_pem,
                         const std::string& client_ca_pem);

}  // namespace lges::gateway
