#pragma once

#include "httptestclient.h"

#include <openssl/ssl.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace mtlab {

// A blocking TLS client as strict as a browser, but trusting exactly one certificate: it connects
// to a loopback port and completes the handshake in its constructor, checking the server's
// certificate against `trustedPem` and `name` (a host name or an IP address).
class TlsTestClient
{
public:
    TlsTestClient(std::uint16_t port, const std::string &trustedPem, const std::string &name);
    ~TlsTestClient();
    TlsTestClient(const TlsTestClient &) = delete;
    TlsTestClient &operator=(const TlsTestClient &) = delete;

    // Whether the handshake completed with the certificate accepted.
    bool verified() const { return m_verified; }
    // OpenSSL's verification result (X509_V_OK when verified) and what went wrong, if anything.
    long verifyResult() const { return m_verifyResult; }
    const std::string &error() const { return m_error; }

    // One GET over the verified connection.
    HttpResponse get(std::string_view path);

private:
    Socket m_socket;
    SSL_CTX *m_context = nullptr;
    SSL *m_ssl = nullptr;
    bool m_verified = false;
    long m_verifyResult = -1;
    std::string m_error;
};

} // namespace mtlab
