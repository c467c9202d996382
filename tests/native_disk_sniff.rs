//! The disk format the create page reads off a file's first bytes, checked against files
//! made by `qemu-img` (the machine's qemu-utils), and Glance's rule for what it refuses.

use std::path::PathBuf;
use std::process::Command;

use glance_share::api::disk_sniff::{detect, preselect, refuses, HEAD_BYTES};

/// A fresh directory for this test's files.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("disk-sniff-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// The first `HEAD_BYTES` of an image `qemu-img create` makes in `format` (with `options`).
fn head_of_qemu_image(format: &str, options: &[&str]) -> Vec<u8> {
    let dir = scratch(format);
    let path = dir.join("disk");
    let status = Command::new("qemu-img")
        .args(["create", "-q", "-f", format])
        .args(options)
        .arg(&path)
        .arg("64M")
        .status()
        .expect("qemu-img runs (qemu-utils is on every machine of this kind)");
    assert!(status.success(), "qemu-img create -f {format}");
    let bytes = std::fs::read(&path).expect("image written");
    let _ = std::fs::remove_dir_all(&dir);
    bytes.into_iter().take(HEAD_BYTES as usize).collect()
}

#[test]
fn formats_made_by_qemu_img_are_recognised() {
    assert_eq!(detect(&head_of_qemu_image("qcow2", &[])), Some("qcow2"));
    assert_eq!(detect(&head_of_qemu_image("vmdk", &[])), Some("vmdk"));
    assert_eq!(detect(&head_of_qemu_image("vdi", &[])), Some("vdi"));
    assert_eq!(detect(&head_of_qemu_image("vhdx", &[])), Some("vhdx"));
    // A dynamic VHD starts with a copy of its footer; a fixed one has it only at the end,
    // where Glance's inspector does not look: to Glance it is raw data.
    assert_eq!(detect(&head_of_qemu_image("vpc", &[])), Some("vhd"));
    assert_eq!(
        detect(&head_of_qemu_image("vpc", &["-o", "subformat=fixed"])),
        Some("raw")
    );
    assert_eq!(detect(&head_of_qemu_image("raw", &[])), Some("raw"));
}

#[test]
fn an_iso_is_recognised_with_or_without_a_boot_record() {
    let mut iso = vec![0u8; HEAD_BYTES as usize];
    iso[0x8000] = 1;
    iso[0x8001..0x8006].copy_from_slice(b"CD001");
    assert_eq!(detect(&iso), Some("iso"));
    // A hybrid ISO (bootable from a USB stick) also carries an MBR: Glance takes it as ISO.
    iso[510..512].copy_from_slice(&[0x55, 0xaa]);
    assert_eq!(detect(&iso), Some("iso"));
    // Cut before its descriptor, the same file is a disk with a boot record.
    assert_eq!(detect(&iso[..4096]), Some("gpt"));
}

#[test]
fn partition_tables_fat_and_short_files() {
    let mut disk = vec![0u8; 4096];
    disk[510..512].copy_from_slice(&[0x55, 0xaa]);
    assert_eq!(detect(&disk), Some("gpt"));
    // A FAT file system's boot sector has the same signature: not a partition table.
    disk[0x10] = 2;
    disk[0x15] = 0xf8;
    assert_eq!(detect(&disk), Some("raw"));
    // Too little to tell raw from anything.
    assert_eq!(detect(b"hello"), None);
    assert_eq!(detect(b"QFI\xfb\0\0\0\x03"), Some("qcow2"));
    // Two signatures at once (a qcow2 header on a disk with a boot record): Glance refuses
    // such data under every format; nothing to preselect.
    let mut both = vec![0u8; 4096];
    both[..4].copy_from_slice(b"QFI\xfb");
    both[510..512].copy_from_slice(&[0x55, 0xaa]);
    assert_eq!(detect(&both), None);
}

#[test]
fn glance_refuses_only_a_mismatch_it_can_inspect() {
    // The helper's finding: raw data sent as qcow2 (the form's first choice) is refused.
    assert!(refuses("qcow2", "raw"));
    assert!(refuses("iso", "qcow2"));
    assert!(refuses("qcow2", "gpt"));
    assert!(!refuses("qcow2", "qcow2"));
    // raw takes anything.
    assert!(!refuses("raw", "qcow2"));
    assert!(!refuses("raw", "gpt"));
    // Formats Glance cannot inspect take data it does not recognise, nothing else.
    assert!(!refuses("ami", "raw"));
    assert!(refuses("ami", "qcow2"));
}

#[test]
fn the_form_preselects_a_disk_format_glance_has() {
    assert_eq!(preselect("gpt"), Some("raw"));
    assert_eq!(preselect("raw"), Some("raw"));
    assert_eq!(preselect("vdi"), Some("vdi"));
    assert_eq!(preselect("qed"), None);
    assert_eq!(preselect("luks"), None);
}
