#pragma once

#include <asio/ssl/context.hpp>

#include <string>

namespace mtlab {

// Makes a fresh key (EC P-256) and a certificate for it, valid for a day, for 127.0.0.1, ::1 and
// localhost, signed by itself; puts both into `context` and returns the certificate as PEM.
// The key never leaves this process, so only a client given this PEM can trust the server, and
// that trust ends with the process. Throws std::runtime_error when OpenSSL fails.
std::string useSelfSignedCertificate(asio::ssl::context &context);

} // namespace mtlab
