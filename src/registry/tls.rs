//! TLS as an insecure registry gets it (registries.conf's `insecure = true`,
//! or a command's `--tls-verify=false`): containers-registries.conf(5)
//! allows "TLS connections with untrusted certificates", so the server's
//! certificate is accepted whoever signed it, for whatever name, however
//! old. The handshake's signatures are still checked, so the peer must hold
//! the key of the certificate it sent. The crypto is ring's, as ureq's own
//! configuration uses, so no second provider is built in.
//!
//! Also: telling a TLS failure apart from other transport errors, so that
//! the error says "TLS" and names the flags that change it.

use std::sync::Arc;

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::{verify_tls12_signature, verify_tls13_signature, WebPkiSupportedAlgorithms};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{ClientConfig, DigitallySignedStruct, SignatureScheme};

use crate::registry::client::Endpoint;
use crate::registry::error::RegistryError;

/// Accepts any certificate; verifies handshake signatures.
#[derive(Debug)]
struct AnyCertificate {
    algorithms: WebPkiSupportedAlgorithms,
}

impl ServerCertVerifier for AnyCertificate {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(&self, message: &[u8], cert: &CertificateDer<'_>, dss: &DigitallySignedStruct) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls12_signature(message, cert, dss, &self.algorithms)
    }

    fn verify_tls13_signature(&self, message: &[u8], cert: &CertificateDer<'_>, dss: &DigitallySignedStruct) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls13_signature(message, cert, dss, &self.algorithms)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.algorithms.supported_schemes()
    }
}

/// A client configuration that does not check server certificates.
pub fn unverified_config() -> Result<Arc<ClientConfig>, rustls::Error> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let verifier = AnyCertificate { algorithms: provider.signature_verification_algorithms };
    let config = ClientConfig::builder_with_provider(provider)
        .with_protocol_versions(&[&rustls::version::TLS12, &rustls::version::TLS13])?
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(verifier))
        .with_no_client_auth();
    Ok(Arc::new(config))
}

/// The error for `endpoint` whose TLS failed for `why`, with the fix that
/// applies: a flag that demanded TLS is named as the cause.
pub fn refused(endpoint: Endpoint, why: String) -> RegistryError {
    let fix = if endpoint.require_tls {
        "--tls-verify=true demands a trusted HTTPS registry: if you trust this one, pass --tls-verify=false instead"
    } else {
        "if you trust it, pass --tls-verify=false or set insecure = true for it in registries.conf"
    };
    RegistryError::Tls { registry: endpoint.host, why, fix }
}

/// What went wrong, when a transport error is a TLS failure (a refused
/// certificate, a server that does not speak TLS): rustls's own words.
pub fn failure(err: &ureq::Transport) -> Option<String> {
    let mut source: Option<&(dyn std::error::Error + 'static)> = std::error::Error::source(err);
    while let Some(s) = source {
        // io::Error's source() skips the error it wraps: look inside it.
        let inner = s.downcast_ref::<std::io::Error>().and_then(|io| io.get_ref()).map(|e| e as &(dyn std::error::Error + 'static));
        if let Some(tls) = inner.into_iter().chain([s]).find_map(|e| e.downcast_ref::<rustls::Error>()) {
            return Some(describe(tls));
        }
        source = s.source();
    }
    None
}

fn describe(err: &rustls::Error) -> String {
    use rustls::CertificateError as C;
    match err {
        rustls::Error::InvalidCertificate(why) => {
            let why = match why {
                C::UnknownIssuer => "it is signed by an unknown authority (self-signed?)".to_string(),
                C::NotValidForName => "it is issued for another name".to_string(),
                C::Expired => "it has expired".to_string(),
                C::NotValidYet => "it is not valid yet".to_string(),
                C::Revoked => "it is revoked".to_string(),
                C::Other(other) => other.to_string(),
                other => format!("{other:?}"),
            };
            format!("its certificate is not trusted: {why}")
        }
        rustls::Error::InvalidMessage(_) => "it does not speak TLS on this port (plain HTTP only?)".to_string(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failures_are_described_for_people() {
        let untrusted = describe(&rustls::Error::InvalidCertificate(rustls::CertificateError::UnknownIssuer));
        assert_eq!(untrusted, "its certificate is not trusted: it is signed by an unknown authority (self-signed?)");
        let plain = describe(&rustls::Error::InvalidMessage(rustls::InvalidMessage::InvalidContentType));
        assert!(plain.contains("does not speak TLS"), "{plain}");
    }

    #[test]
    fn the_fix_offered_depends_on_what_demanded_tls() {
        let plain = refused(Endpoint::from_name("r.example.com/app", false), "x".into()).to_string();
        assert!(plain.contains("--tls-verify=false or set insecure = true"), "{plain}");
        let demanded = refused(Endpoint::from_name("r.example.com/app", true).with_tls_verify(crate::image::registries::TlsVerify::Required), "x".into());
        assert!(demanded.to_string().contains("--tls-verify=true demands"), "{demanded}");
    }

    #[test]
    fn the_unverified_configuration_builds() {
        let config = unverified_config().unwrap();
        assert!(!config.crypto_provider().cipher_suites.is_empty());
    }
}
