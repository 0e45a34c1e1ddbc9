#include "gateway/tls.h"

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>

#include <memory>

namespace lges::gateway {
namespace {

struct BioFree {
  void operator()(BIO* b) const { BIO_free(b); }
};
using Bio = std::unique_ptr<BIO, BioFree>;

Bio Memory(const std::string& pem) {
  return Bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
}

std::string LastError(const std::string& what) {
  char text[256] = {0};
  ERR_error_string_n(ERR_get_error(), text, sizeof(text));
  return what + ": " + text;
}

}  // namespace

std::string ConfigureTls(void* ssl_ctx, const std::string& cert_chain_pem,
                         const std::string& key_pem,
                         const std::string& client_ca_pem) {
  SSL_CTX* ctx = static_cast<SSL_CTX*>(ssl_ctx);
  SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
  Bio certs = Memory(cert_chain_pem);
  X509* leaf = PEM_read_bio_X509(certs.get(), nullptr, nullptr, nullptr);
  if (!leaf || SSL_CTX_use_certificate(ctx, leaf) != 1) {
    X509_free(leaf);
    return LastError("the TLS certificate");
  }
  X509_free(leaf);
  SSL_CTX_clear_chain_certs(ctx);
  while (X509* ca = PEM_read_bio_X509(certs.get(), nullptr, nullptr, nullptr)) {
    if (SSL_CTX_add0_chain_cert(ctx, ca) != 1) {
      X509_free(ca);
      return LastError("the TLS certificate chain");
    }
  }
  ERR_clear_error();  // The end of the chain reads as an error.
  Bio key_bio = Memory(key_pem);
  EVP_PKEY* key =
      PEM_read_bio_PrivateKey(key_bio.get(), nullptr, nullptr, nullptr);
  const bool key_ok = key && SSL_CTX_use_PrivateKey(ctx, key) == 1 &&
                      SSL_CTX_check_private_key(ctx) == 1;
  EVP_PKEY_free(key);
  if (!key_ok) return LastError("the TLS key");
  if (client_ca_pem.empty()) return "";
  Bio cas = Memory(client_ca_pem);
  X509_STORE* store = SSL_CTX_get_cert_store(ctx);
  int added = 0;
  while (X509* ca = PEM_read_bio_X509(cas.get(), nullptr, nullptr, nullptr)) {
    X509_STORE_add_cert(store, ca);
    SSL_CTX_add_client_CA(ctx, ca);
    X509_free(ca);
    ++added;
  }
  ERR_clear_error();
  if (added == 0) return "the TLS client CA holds no certificate";
  SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT,
                     nullptr);
  return "";
}

}  // namespace lges::gateway
