#pragma once
// SHA-256 (OpenSSL), fed in parts: token hashes and backup checksums.

#include <memory>
#include <string>
#include <string_view>

struct evp_md_ctx_st;

namespace lges {

class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  void Update(std::string_view data);
  // Lower-case hex of everything fed so far; call once.
  std::string HexDigest();

 private:
  evp_md_ctx_st* ctx_;
};

// Lower-case hex SHA-256 of `data`.
std::string Sha256Hex(std::string_view data);

}  // namespace lges
