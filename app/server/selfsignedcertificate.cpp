#include "selfsignedcertificate.h"

#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>
#include <stdexcept>

namespace mtlab {

namespace {

template <auto Free>
struct Deleter {
    template <typename T>
    void operator()(T *object) const
    {
        Free(object);
    }
};
using Key = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY_free>>;
using Certificate = std::unique_ptr<X509, Deleter<X509_free>>;
using Extension = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION_free>>;
using Number = std::unique_ptr<BIGNUM, Deleter<BN_free>>;
using Bio = std::unique_ptr<BIO, Deleter<BIO_free>>;

// Long enough for any run, short enough that a copy of the certificate soon trusts nothing.
constexpr long kValiditySeconds = 24 * 60 * 60;

void check(bool ok, const char *what)
{
    if (ok)
        return;
    char reason[256] = "unknown error";
    ERR_error_string_n(ERR_get_error(), reason, sizeof reason);
    ERR_clear_error();
    throw std::runtime_error(std::string("cannot make the TLS certificate: ") + what + ": " + reason);
}

void addExtension(X509 *certificate, int nid, const char *value)
{
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, certificate, certificate, nullptr, nullptr, 0);
    const Extension extension(X509V3_EXT_conf_nid(nullptr, &context, nid, value));
    check(extension && X509_add_ext(certificate, extension.get(), -1) == 1, value);
}

// A random 127-bit serial, as RFC 5280 asks for: no two certificates of ours share one.
void setRandomSerial(X509 *certificate)
{
    unsigned char bytes[16];
    check(RAND_bytes(bytes, sizeof bytes) == 1, "random serial");
    bytes[0] &= 0x7f; // positive
    const Number serial(BN_bin2bn(bytes, sizeof bytes, nullptr));
    check(serial && BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(certificate)), "serial");
}

std::string pem(X509 *certificate)
{
    const Bio bio(BIO_new(BIO_s_mem()));
    check(bio && PEM_write_bio_X509(bio.get(), certificate) == 1, "PEM");
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return {data, static_cast<std::size_t>(size)};
}

} // namespace

std::string useSelfSignedCertificate(asio::ssl::context &context)
{
    // P-256 rather than RSA: its key is made in a millisecond and its handshakes are cheap, so
    // the set-up a run shows is the one asked for with --setup-ms, not our key arithmetic.
    const Key key(EVP_EC_gen("P-256"));
    check(key != nullptr, "EC key");
    const Certificate certificate(X509_new());
    check(certificate != nullptr, "X509_new");
    X509 *x = certificate.get();
    check(X509_set_version(x, X509_VERSION_3) == 1, "version");
    setRandomSerial(x);
    check(X509_gmtime_adj(X509_getm_notBefore(x), 0) &&
              X509_gmtime_adj(X509_getm_notAfter(x), kValiditySeconds),
          "validity");
    X509_NAME *name = X509_get_subject_name(x);
    check(X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                                     reinterpret_cast<const unsigned char *>("127.0.0.1"), -1, -1, 0) == 1,
          "subject");
    check(X509_set_issuer_name(x, name) == 1, "issuer");
    check(X509_set_pubkey(x, key.get()) == 1, "public key");
    // Clients check the name against the subject alternative names only: every loopback name.
    addExtension(x, NID_subject_alt_name, "IP:127.0.0.1,IP:::1,DNS:localhost");
    addExtension(x, NID_basic_constraints, "critical,CA:FALSE");
    addExtension(x, NID_ext_key_usage, "serverAuth");
    addExtension(x, NID_subject_key_identifier, "hash");
    check(X509_sign(x, key.get(), EVP_sha256()) > 0, "signature");

    SSL_CTX *ssl = context.native_handle();
    check(SSL_CTX_use_certificate(ssl, x) == 1, "use certificate");
    check(SSL_CTX_use_PrivateKey(ssl, key.get()) == 1, "use key");
    check(SSL_CTX_check_private_key(ssl) == 1, "key matches");
    return pem(x);
}

} // namespace mtlab
