//! Native tests: the running checksum of a download, the verdict, and the file name.
#![cfg(not(target_arch = "wasm32"))]

use glance_share::api::checksum::{file_name, verdict, StreamHasher, Verdict};

// sha512("abc") and sha256("abc"): the FIPS 180-2 test vectors.
const SHA512_ABC: &str = "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f";
const SHA256_ABC: &str = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

#[test]
fn the_hash_over_chunks_equals_the_hash_of_the_whole() {
    let mut h = StreamHasher::for_algo("sha512").unwrap();
    for chunk in [&b"a"[..], b"", b"bc"] {
        h.update(chunk);
    }
    assert_eq!(h.algo(), "sha512");
    assert_eq!(h.finish_hex(), SHA512_ABC);
    let mut h = StreamHasher::for_algo(" SHA256 ").unwrap();
    h.update(b"abc");
    assert_eq!(h.finish_hex(), SHA256_ABC);
    assert!(StreamHasher::for_algo("md5").is_none());
    assert!(StreamHasher::for_algo("sha3_512").is_none());
}

#[test]
fn the_verdict_compares_with_what_glance_recorded() {
    assert_eq!(
        verdict(
            Some("sha512"),
            Some(&SHA512_ABC.to_uppercase()),
            Some(SHA512_ABC.into())
        ),
        Verdict::Verified {
            algo: "sha512".into()
        }
    );
    assert_eq!(
        verdict(Some("sha512"), Some(SHA512_ABC), Some("00".into())),
        Verdict::Mismatch {
            algo: "sha512".into(),
            expected: SHA512_ABC.into(),
            got: "00".into()
        }
    );
    assert_eq!(
        verdict(Some("blake3"), Some("ab"), None),
        Verdict::Unsupported {
            algo: "blake3".into()
        }
    );
    assert_eq!(verdict(None, None, None), Verdict::Missing);
    assert_eq!(
        verdict(Some("sha512"), Some(" "), Some("x".into())),
        Verdict::Missing
    );
}

#[test]
fn file_names_are_safe_and_carry_the_disk_format() {
    assert_eq!(
        file_name(Some("cirros 0.6"), "id1", Some("qcow2")),
        "cirros 0.6.qcow2"
    );
    assert_eq!(
        file_name(Some("disk.QCOW2"), "id1", Some("qcow2")),
        "disk.QCOW2"
    );
    assert_eq!(file_name(Some("a/b:c?"), "id1", Some("raw")), "a_b_c_.raw");
    assert_eq!(file_name(Some("  "), "id1", None), "id1");
    assert_eq!(file_name(None, "id1", Some("iso")), "id1.iso");
    assert_eq!(file_name(Some(".."), "id1", Some("raw")), "id1.raw");
}
