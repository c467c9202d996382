//! The disk and container formats Glance accepts by default (`[image_format]` options of
//! glance-api.conf), most used first. One list for the create form and the catalog filters.

/// Disk formats: the layout of the image's bytes.
pub const DISK_FORMATS: [&str; 11] = [
    "qcow2", "raw", "vmdk", "vdi", "vhd", "vhdx", "iso", "ploop", "ami", "ari", "aki",
];

/// Container formats: whether the bytes are wrapped with metadata.
pub const CONTAINER_FORMATS: [&str; 8] = [
    "bare",
    "ovf",
    "ova",
    "docker",
    "compressed",
    "ami",
    "ari",
    "aki",
];
