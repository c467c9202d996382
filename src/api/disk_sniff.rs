//! What disk format a file's first bytes show, and whether Glance will take it under the disk
//! format the image record declares (pure).
//!
//! Glance inspects the data of every `bare` upload (oslo.utils's `format_inspector`, run
//! by `glance/location.py`) and answers 415 "Image disk_format qcow2 does not match stream
//! data raw" when the declared format is another inspectable one: only after the whole file
//! was sent. The create page reads the file's first [`HEAD_BYTES`] when it is picked, so it
//! can preselect the format Glance will find and say before sending when the record's
//! format will be refused. The signatures below are the inspectors' own (`format_match`).

/// How much of the start of a file [`detect`] reads: ISO 9660 and UDF descriptors follow
/// a 32 KiB system area (the inspector captures 2 KiB of descriptor there).
pub const HEAD_BYTES: u32 = 34 * 1024;

/// The disk formats Glance's inspection recognises (the others, `ami`, `ari`, `aki`,
/// `ploop`, it takes with any data it does not recognise).
const INSPECTABLE: [&str; 9] = [
    "raw", "qcow2", "vhd", "vhdx", "vmdk", "vdi", "qed", "iso", "luks",
];

/// The format Glance's inspection will find in data that starts with `head` (at most
/// [`HEAD_BYTES`] of it; a shorter file gives all it has). `"gpt"` is a disk with a
/// partition table (GPT or MBR); `"raw"` is data no inspector recognises. Several matches
/// at once are answered as Glance does: an ISO with a boot record is `"iso"`, other mixes
/// (which Glance refuses under any format) are `None`, as is a head too short to tell.
pub fn detect(head: &[u8]) -> Option<&'static str> {
    let mut found: Vec<&'static str> = Vec::new();
    if head.starts_with(b"QFI\xfb") {
        found.push("qcow2");
    }
    if head.starts_with(b"QED\0") {
        found.push("qed");
    }
    if head.starts_with(b"conectix") {
        found.push("vhd");
    }
    if head.starts_with(b"vhdxfile") {
        found.push("vhdx");
    }
    if head.starts_with(b"KDMV") {
        found.push("vmdk");
    }
    if head.get(0x40..0x44) == Some(&[0x7f, 0x10, 0xda, 0xbe][..]) {
        found.push("vdi");
    }
    if matches!(
        head.get(0x8001..0x8006),
        Some(b"CD001" | b"NSR02" | b"NSR03")
    ) {
        found.push("iso");
    }
    if head.starts_with(b"LUKS\xba\xbe") {
        found.push("luks");
    }
    if has_partition_table(head) {
        found.push("gpt");
    }
    match found.as_slice() {
        [] if head.len() >= 512 => Some("raw"),
        [] => None,
        [one] => Some(one),
        [a, b] if [*a, *b] == ["iso", "gpt"] => Some("iso"),
        _ => None,
    }
}

/// The boot sector's `0x55 0xAA` signature, unless the sector is a FAT file system's
/// (two FATs on a fixed disk), as the GPT/MBR inspector tells them apart.
fn has_partition_table(head: &[u8]) -> bool {
    let Some(sector) = head.get(..512) else {
        return false;
    };
    let fat = sector[0x10] == 2 && sector[0x15] == 0xf8;
    sector[510..512] == [0x55, 0xaa] && !fat
}

/// Whether Glance refuses data it finds to be `detected` ([`detect`]) for a record whose
/// disk format is `declared`: `raw` takes anything, a format Glance cannot inspect takes
/// anything it does not recognise, and every other format only itself.
pub fn refuses(declared: &str, detected: &str) -> bool {
    let takes = declared == detected
        || declared == "raw"
        || (detected == "raw" && !INSPECTABLE.contains(&declared));
    !takes
}

/// The disk format to preselect on the create form for data found to be `detected`: the
/// format itself, or `raw` for a disk with a partition table (Glance has no `gpt` disk
/// format); none for formats Glance does not take as a disk format.
pub fn preselect(detected: &str) -> Option<&'static str> {
    match detected {
        "gpt" | "raw" => Some("raw"),
        "qcow2" => Some("qcow2"),
        "vhd" => Some("vhd"),
        "vhdx" => Some("vhdx"),
        "vmdk" => Some("vmdk"),
        "vdi" => Some("vdi"),
        "iso" => Some("iso"),
        _ => None,
    }
}
