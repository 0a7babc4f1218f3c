//! `--platform`, `--arch`, `--os` and `--variant`: how Docker and Podman
//! spell an image's platform on pull, import and run.

use anyhow::Result;
use clap::Args;

use crate::image::manifest::Platform;

#[derive(Args, Debug, Default, Clone)]
pub struct PlatformFlags {
    /// The image's platform, os/arch[/variant] (default: this machine's)
    #[arg(long, value_name = "OS/ARCH")]
    pub platform: Option<String>,
    /// The image's architecture, e.g. amd64 or arm64 (default: this machine's)
    #[arg(long, value_name = "ARCH")]
    pub arch: Option<String>,
    /// The image's OS (default: linux)
    #[arg(long, value_name = "OS")]
    pub os: Option<String>,
    /// The image's architecture variant, e.g. v7 or v8
    #[arg(long, value_name = "VARIANT")]
    pub variant: Option<String>,
}

impl PlatformFlags {
    /// The platform the flags name together, or None when none is given.
    pub fn platform(&self) -> Result<Option<Platform>> {
        Platform::from_flags(self.platform.as_deref(), self.os.as_deref(), self.arch.as_deref(), self.variant.as_deref())
    }
}
