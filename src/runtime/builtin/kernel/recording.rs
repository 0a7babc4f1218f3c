//! A kernel that makes no syscall: it writes every call down in order, can
//! be told to fail some of them, and answers the questions (locked flags,
//! the path of an fd) from what the test set.

use std::cell::RefCell;
use std::collections::HashMap;
use std::os::fd::RawFd;
use std::path::{Path, PathBuf};

use nix::errno::Errno;
use nix::mount::{MntFlags, MsFlags};

use super::Kernel;

/// One call, as the runtime made it.
#[derive(Clone, Debug, PartialEq)]
pub enum Call {
    Mount { source: Option<PathBuf>, target: PathBuf, fstype: Option<String>, flags: MsFlags, data: Option<String> },
    Umount2 { target: PathBuf, flags: MntFlags },
    MountSetattrNodev { target: PathBuf },
    PivotRoot { new_root: PathBuf, put_old: PathBuf },
    Chdir { dir: PathBuf },
    Symlink { original: PathBuf, link: PathBuf },
    Sethostname { name: String },
    WriteSysctl { path: PathBuf, value: String },
    MoveMount { tree: RawFd, target: PathBuf },
}

type Failure = Box<dyn Fn(&Call) -> Option<Errno>>;

#[derive(Default)]
pub struct Recording {
    calls: RefCell<Vec<Call>>,
    failures: Vec<Failure>,
    locked: HashMap<PathBuf, MsFlags>,
}

impl Recording {
    pub fn new() -> Self {
        Self::default()
    }

    /// Makes the calls for which `rule` returns an errno fail with it (they
    /// are still recorded: the runtime made them).
    pub fn fail_when(mut self, rule: impl Fn(&Call) -> Option<Errno> + 'static) -> Self {
        self.failures.push(Box::new(rule));
        self
    }

    /// Says the mount at `path` has these locked flags (none otherwise).
    pub fn with_locked(mut self, path: impl Into<PathBuf>, flags: MsFlags) -> Self {
        self.locked.insert(path.into(), flags);
        self
    }

    pub fn calls(&self) -> Vec<Call> {
        self.calls.borrow().clone()
    }

    fn record(&self, call: Call) -> Result<(), Errno> {
        let failed = self.failures.iter().find_map(|rule| rule(&call));
        self.calls.borrow_mut().push(call);
        failed.map_or(Ok(()), Err)
    }
}

impl Kernel for Recording {
    fn mount(&self, source: Option<&Path>, target: &Path, fstype: Option<&str>, flags: MsFlags, data: Option<&str>) -> nix::Result<()> {
        self.record(Call::Mount {
            source: source.map(Path::to_path_buf),
            target: target.to_path_buf(),
            fstype: fstype.map(str::to_string),
            flags,
            data: data.map(str::to_string),
        })
    }

    fn umount2(&self, target: &Path, flags: MntFlags) -> nix::Result<()> {
        self.record(Call::Umount2 { target: target.to_path_buf(), flags })
    }

    fn mount_setattr_nodev(&self, target: &Path) -> nix::Result<()> {
        self.record(Call::MountSetattrNodev { target: target.to_path_buf() })
    }

    fn pivot_root(&self, new_root: &Path, put_old: &Path) -> nix::Result<()> {
        self.record(Call::PivotRoot { new_root: new_root.to_path_buf(), put_old: put_old.to_path_buf() })
    }

    fn chdir(&self, dir: &Path) -> std::io::Result<()> {
        Ok(self.record(Call::Chdir { dir: dir.to_path_buf() })?)
    }

    fn symlink(&self, original: &Path, link: &Path) -> std::io::Result<()> {
        Ok(self.record(Call::Symlink { original: original.to_path_buf(), link: link.to_path_buf() })?)
    }

    fn sethostname(&self, name: &str) -> nix::Result<()> {
        self.record(Call::Sethostname { name: name.to_string() })
    }

    fn write_sysctl(&self, path: &Path, value: &str) -> std::io::Result<()> {
        self.record(Call::WriteSysctl { path: path.to_path_buf(), value: value.to_string() }).map_err(std::io::Error::from)
    }

    fn locked_flags(&self, path: &Path) -> MsFlags {
        self.locked.get(path).copied().unwrap_or(MsFlags::empty())
    }

    fn move_mount(&self, tree: RawFd, target: &Path) -> nix::Result<()> {
        self.record(Call::MoveMount { tree, target: target.to_path_buf() })
    }

    /// Every fd is a pty slave, /dev/pts/N.
    fn fd_path(&self, fd: RawFd) -> std::io::Result<PathBuf> {
        Ok(PathBuf::from(format!("/dev/pts/{fd}")))
    }
}
