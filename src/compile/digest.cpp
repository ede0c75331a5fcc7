// SHA-256 with OpenSSL's EVP interface (libcrypto), over the canonical files.
#include "compile/digest.hpp"

#include <openssl/evp.h>

#include <fstream>
#include <iterator>
#include <memory>

namespace cadre {

namespace {

std::string without_crlf(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
    out += text[i];
  }
  return out;
}

std::string canonical_text(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return without_crlf(text);
}

}  // namespace

namespace {

// The digest of what `context` was given, as lowercase hex.
std::string finished_hex(EVP_MD_CTX* context) {
  unsigned char hash[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_DigestFinal_ex(context, hash, &length);
  static const char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned int i = 0; i < length; ++i) {
    hex += kHex[hash[i] >> 4];
    hex += kHex[hash[i] & 15];
  }
  return hex;
}

}  // namespace

std::string ruleset_digest(const std::vector<std::filesystem::path>& files,
                           const std::filesystem::path& root, const GivenFile* given) {
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(),
                                                                  &EVP_MD_CTX_free);
  EVP_DigestInit_ex(context.get(), EVP_sha256(), nullptr);
  // Names relative to the root, both resolved first: the same files give the
  // same digest however the rule set was named (`.`, a relative or an
  // absolute path, through `..`).
  std::error_code error;
  const std::filesystem::path resolved_root = std::filesystem::weakly_canonical(root, error);
  for (const auto& file : files) {
    if (given != nullptr && file == given->name) {
      // Not on disk: its name as given, and its text.
      std::string part = given->name.generic_string() + "\n" + without_crlf(given->text) + "\n";
      EVP_DigestUpdate(context.get(), part.data(), part.size());
      continue;
    }
    const std::filesystem::path resolved = std::filesystem::weakly_canonical(file, error);
    std::string part = resolved.lexically_relative(resolved_root).generic_string() + "\n" +
                       canonical_text(file) + "\n";
    EVP_DigestUpdate(context.get(), part.data(), part.size());
  }
  return finished_hex(context.get());
}

std::string sha256_hex(std::string_view bytes) {
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(),
                                                                  &EVP_MD_CTX_free);
  EVP_DigestInit_ex(context.get(), EVP_sha256(), nullptr);
  EVP_DigestUpdate(context.get(), bytes.data(), bytes.size());
  return finished_hex(context.get());
}

}  // namespace cadre
