//! What the monitor gives back once its container runs. A monitor lives as
//! long as its container, one per container, so what it keeps after setup
//! is paid once per running container: the heap setup used (the bundle's
//! parse, seccomp filters), the stack its deepest setup calls touched, and
//! the pages of pontoon's binary that setup ran (a static binary of 20 MB,
//! most of it never needed again while the monitor only pumps output and
//! waits). Each is released here; the pump's loop faults back the few
//! pages it uses.

use std::ffi::c_void;

/// What the monitor's pump (and what it calls) may use of the stack below
/// the frame that sheds memory: left mapped.
const STACK_KEPT: usize = 64 * 1024;

/// Called first thing: one malloc arena, whatever threads run (a thread's
/// arena is 64 MB of address space and its touched pages kept).
pub fn limit_arenas() {
    // SAFETY: mallopt only changes the allocator's tuning.
    unsafe { libc::mallopt(libc::M_ARENA_MAX, 1) };
}

/// Gives back the heap, stack and binary pages that setup used; called once
/// the container runs.
#[inline(never)]
pub fn shed_setup_memory() {
    // SAFETY: malloc_trim only releases free memory to the kernel.
    unsafe { libc::malloc_trim(0) };
    let Ok(maps) = std::fs::read_to_string("/proc/self/smaps") else { return };
    let exe = std::fs::read_link("/proc/self/exe").ok();
    let marker = 0u8;
    let here = std::ptr::addr_of!(marker) as usize;
    for m in mappings(&maps) {
        if m.name == "[stack]" {
            release_stack_below(&m, here);
        } else if exe.as_deref().is_some_and(|e| e.as_os_str() == m.name) && m.clean_file_pages() {
            release(m.start, m.end);
        }
    }
}

/// Pages of the stack below `here` (minus what the pump may use) hold only
/// the dead frames of setup.
fn release_stack_below(stack: &Mapping, here: usize) {
    if !(stack.start..stack.end).contains(&here) {
        return;
    }
    let end = page_floor(here.saturating_sub(STACK_KEPT));
    if end > stack.start {
        release(stack.start, end);
    }
}

fn release(start: usize, end: usize) {
    // SAFETY: the range is a whole mapping of our own binary's clean,
    // read-only file pages (read again from the file on the next touch), or
    // stack below every live frame: dropping either loses nothing.
    unsafe { libc::madvise(start as *mut c_void, end - start, libc::MADV_DONTNEED) };
}

fn page_floor(addr: usize) -> usize {
    addr & !(4096 - 1)
}

/// One mapping of /proc/self/smaps, as much as this module needs.
struct Mapping<'a> {
    start: usize,
    end: usize,
    perms: &'a str,
    name: &'a str,
    /// Anonymous (copied-on-write) kB in it: relocated read-only data is
    /// such, and must not be dropped (its file pages are unrelocated).
    anonymous_kb: u64,
}

impl Mapping<'_> {
    /// Read-only, not writable, and nothing of it copied: its pages are the
    /// file's own.
    fn clean_file_pages(&self) -> bool {
        self.perms.starts_with('r') && self.perms.as_bytes().get(1) == Some(&b'-') && self.anonymous_kb == 0
    }
}

fn mappings(smaps: &str) -> Vec<Mapping<'_>> {
    let mut out: Vec<Mapping> = Vec::new();
    for line in smaps.lines() {
        if let Some(kb) = line.strip_prefix("Anonymous:") {
            if let Some(last) = out.last_mut() {
                last.anonymous_kb = kb.trim().trim_end_matches("kB").trim().parse().unwrap_or(u64::MAX);
            }
            continue;
        }
        let mut fields = line.split_whitespace();
        let (Some(range), Some(perms)) = (fields.next(), fields.next()) else { continue };
        let Some((start, end)) = range.split_once('-') else { continue };
        let (Ok(start), Ok(end)) = (usize::from_str_radix(start, 16), usize::from_str_radix(end, 16)) else { continue };
        // offset, device, inode, then the name (which may hold spaces).
        let name = fields.nth(3).map(|first| &line[line.find(first).unwrap_or(line.len())..]).unwrap_or("");
        // Until its Anonymous line is read, a mapping counts as dirty.
        out.push(Mapping { start, end, perms, name: name.trim_end(), anonymous_kb: u64::MAX });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_clean_read_only_mappings_of_a_file_count_as_droppable() {
        let smaps = "\
55d000000000-55d000100000 r--p 00000000 fe:01 123 /usr/bin/pontoon
Size: 1024 kB
Anonymous: 0 kB
55d000100000-55d000900000 r-xp 00100000 fe:01 123 /usr/bin/pontoon
Anonymous: 0 kB
55d000900000-55d000980000 r--p 00900000 fe:01 123 /usr/bin/pontoon
Anonymous: 452 kB
55d000980000-55d000990000 rw-p 00980000 fe:01 123 /usr/bin/pontoon
Anonymous: 0 kB
7ffd00000000-7ffd00021000 rw-p 00000000 00:00 0 [stack]
Anonymous: 132 kB
";
        let maps = mappings(smaps);
        let droppable: Vec<bool> = maps.iter().map(Mapping::clean_file_pages).collect();
        assert_eq!(droppable, vec![true, true, false, false, false]);
        assert_eq!(maps[1].name, "/usr/bin/pontoon");
        assert_eq!(maps[4].name, "[stack]");
        assert_eq!((maps[4].start, maps[4].end), (0x7ffd00000000, 0x7ffd00021000));
    }
}
