#include "tlstestclient.h"

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include <arpa/inet.h>
#include <sys/socket.h>
#include <sys/time.h>

namespace mtlab {

namespace {

// Long enough for a loaded machine, short enough that a hang fails the test instead of stalling it.
constexpr timeval kSocketTimeout{20, 0};

bool trust(SSL_CTX *context, const std::string &pem)
{
    BIO *bio = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
    X509 *certificate = bio ? PEM_read_bio_X509(bio, nullptr, nullptr, nullptr) : nullptr;
    const bool added = certificate && X509_STORE_add_cert(SSL_CTX_get_cert_store(context), certificate) == 1;
    X509_free(certificate);
    BIO_free(bio);
    return added;
}

bool isIpAddress(const std::string &name)
{
    in6_addr address;
    return inet_pton(AF_INET, name.c_str(), &address) == 1 ||
        inet_pton(AF_INET6, name.c_str(), &address) == 1;
}

} // namespace

TlsTestClient::TlsTestClient(std::uint16_t port, const std::string &trustedPem, const std::string &name)
    : m_socket(connectTo(port))
    , m_context(SSL_CTX_new(TLS_client_method()))
{
    if (m_socket.fd() < 0 || !m_context || !trust(m_context, trustedPem)) {
        m_error = "no connection, or the certificate to trust is not PEM";
        return;
    }
    setsockopt(m_socket.fd(), SOL_SOCKET, SO_RCVTIMEO, &kSocketTimeout, sizeof kSocketTimeout);
    setsockopt(m_socket.fd(), SOL_SOCKET, SO_SNDTIMEO, &kSocketTimeout, sizeof kSocketTimeout);
    SSL_CTX_set_verify(m_context, SSL_VERIFY_PEER, nullptr);
    m_ssl = SSL_new(m_context);
    SSL_set_fd(m_ssl, m_socket.fd());
    if (isIpAddress(name)) {
        X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(m_ssl), name.c_str());
    } else {
        SSL_set_tlsext_host_name(m_ssl, name.c_str());
        SSL_set1_host(m_ssl, name.c_str());
    }
    m_verified = SSL_connect(m_ssl) == 1;
    m_verifyResult = SSL_get_verify_result(m_ssl);
    if (!m_verified) {
        char reason[256] = "";
        ERR_error_string_n(ERR_get_error(), reason, sizeof reason);
        m_error = std::string(X509_verify_cert_error_string(m_verifyResult)) + " (" + reason + ")";
    }
    ERR_clear_error();
}

TlsTestClient::~TlsTestClient()
{
    SSL_free(m_ssl);
    SSL_CTX_free(m_context);
}

HttpResponse TlsTestClient::get(std::string_view path)
{
    HttpResponse response;
    const std::string request = getRequest(path);
    if (!m_verified || SSL_write(m_ssl, request.data(), static_cast<int>(request.size())) <= 0)
        return response;
    std::string input;
    char buffer[16 * 1024];
    for (;;) {
        const int got = SSL_read(m_ssl, buffer, sizeof buffer);
        if (got <= 0) {
            response.outcome = HttpResponse::Outcome::Closed;
            break;
        }
        input.append(buffer, static_cast<std::size_t>(got));
        if (takeResponse(input, response)) {
            response.outcome = HttpResponse::Outcome::Complete;
            break;
        }
    }
    response.finishedAt = TestClock::now();
    ERR_clear_error();
    return response;
}

} // namespace mtlab
