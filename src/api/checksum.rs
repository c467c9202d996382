//! Checking downloaded data against the hash Glance recorded (`os_hash_algo` /
//! `os_hash_value`, sha512 by default), one chunk at a time so no image is ever held whole.

use sha2::{Digest, Sha256, Sha384, Sha512};

/// A running hash over the chunks of a download, for one of the algorithms Glance uses.
pub struct StreamHasher {
    algo: String,
    state: State,
}

enum State {
    Sha256(Sha256),
    Sha384(Sha384),
    Sha512(Sha512),
}

impl StreamHasher {
    /// A hasher for Glance's `os_hash_algo`, or `None` for an algorithm this app lacks.
    pub fn for_algo(algo: &str) -> Option<Self> {
        let state = match algo.trim().to_ascii_lowercase().as_str() {
            "sha256" => State::Sha256(Sha256::new()),
            "sha384" => State::Sha384(Sha384::new()),
            "sha512" => State::Sha512(Sha512::new()),
            _ => return None,
        };
        Some(Self {
            algo: algo.trim().to_string(),
            state,
        })
    }

    /// Feeds the next chunk.
    pub fn update(&mut self, chunk: &[u8]) {
        match &mut self.state {
            State::Sha256(h) => h.update(chunk),
            State::Sha384(h) => h.update(chunk),
            State::Sha512(h) => h.update(chunk),
        }
    }

    /// The algorithm's name as Glance wrote it.
    pub fn algo(&self) -> &str {
        &self.algo
    }

    /// The hash of everything fed, in lowercase hex as Glance writes it.
    pub fn finish_hex(self) -> String {
        let bytes: Vec<u8> = match self.state {
            State::Sha256(h) => h.finalize().to_vec(),
            State::Sha384(h) => h.finalize().to_vec(),
            State::Sha512(h) => h.finalize().to_vec(),
        };
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }
}

/// What the check of a finished download found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// The data's hash equals Glance's.
    Verified { algo: String },
    /// It does not: the file is not what Glance stores.
    Mismatch {
        algo: String,
        expected: String,
        got: String,
    },
    /// Glance records a hash with an algorithm this app cannot compute.
    Unsupported { algo: String },
    /// Glance records no hash for the image.
    Missing,
}

/// Compares the downloaded data's hash (`got`, when one was computed) with what Glance
/// recorded.
pub fn verdict(algo: Option<&str>, expected: Option<&str>, got: Option<String>) -> Verdict {
    let (Some(algo), Some(expected)) = (algo, expected.filter(|v| !v.trim().is_empty())) else {
        return Verdict::Missing;
    };
    let algo = algo.trim().to_string();
    match got {
        None => Verdict::Unsupported { algo },
        Some(got) if got.eq_ignore_ascii_case(expected.trim()) => Verdict::Verified { algo },
        Some(got) => Verdict::Mismatch {
            algo,
            expected: expected.trim().to_string(),
            got,
        },
    }
}

/// A file name for the download: the image's name (or id) with the disk format as extension,
/// without characters file systems refuse.
pub fn file_name(name: Option<&str>, id: &str, disk_format: Option<&str>) -> String {
    let base: String = name
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .unwrap_or(id)
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .collect();
    let base = base.trim_matches('.').to_string();
    let base = if base.is_empty() {
        id.to_string()
    } else {
        base
    };
    match disk_format.map(str::trim).filter(|f| !f.is_empty()) {
        Some(ext)
            if !base
                .to_ascii_lowercase()
                .ends_with(&format!(".{}", ext.to_ascii_lowercase())) =>
        {
            format!("{base}.{ext}")
        }
        _ => base,
    }
}
