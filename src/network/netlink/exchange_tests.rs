//! How an exchange reads the kernel's datagrams, fed crafted ones: when it
//! ends, with what, and when a dump is made again.

use super::message::{Reply, NLMSG_DONE, NLMSG_ERROR, NLM_F_DUMP_INTR, NLM_F_MULTI, RTM_NEWADDR, RTM_NEWLINK};
use super::*;

/// A message as the kernel would send it.
fn message(kind: u16, flags: u16, seq: u32, payload: &[u8]) -> Vec<u8> {
    let mut out = ((16 + payload.len()) as u32).to_ne_bytes().to_vec();
    out.extend_from_slice(&kind.to_ne_bytes());
    out.extend_from_slice(&flags.to_ne_bytes());
    out.extend_from_slice(&seq.to_ne_bytes());
    out.extend_from_slice(&0u32.to_ne_bytes());
    out.extend_from_slice(payload);
    while !out.len().is_multiple_of(4) {
        out.push(0);
    }
    out
}

fn done(seq: u32, flags: u16) -> Vec<u8> {
    message(NLMSG_DONE, NLM_F_MULTI | flags, seq, &0i32.to_ne_bytes())
}

/// Feeds `datagrams` for a dump (`wants_ack`) answering request 7: the
/// outcome, after how many datagrams, and the kinds handed over.
fn run(datagrams: &[Vec<u8>], wants_ack: bool) -> (Option<Result<Outcome, Errno>>, usize, Vec<u16>) {
    let mut kinds = Vec::new();
    let mut interrupted = false;
    let mut each = |r: &Reply| kinds.push(r.kind);
    for (n, d) in datagrams.iter().enumerate() {
        if let Some(end) = absorb(d, 7, wants_ack, &mut interrupted, &mut each) {
            return (Some(end), n + 1, kinds);
        }
    }
    (None, datagrams.len(), kinds)
}

#[test]
fn a_dump_is_read_to_its_done_and_is_done_unless_marked() {
    let part = message(RTM_NEWADDR, NLM_F_MULTI, 7, &[0; 8]);
    let (end, read, kinds) = run(&[[part.clone(), part.clone()].concat(), done(7, 0)], true);
    assert_eq!((end, read, kinds), (Some(Ok(Outcome::Done)), 2, vec![RTM_NEWADDR, RTM_NEWADDR]));
}

#[test]
fn a_dump_marked_interrupted_in_any_datagram_ends_interrupted() {
    let part = message(RTM_NEWADDR, NLM_F_MULTI, 7, &[0; 8]);
    let marked = message(RTM_NEWADDR, NLM_F_MULTI | NLM_F_DUMP_INTR, 7, &[0; 8]);
    // The mark on an early part carries over to the done of a later datagram.
    assert_eq!(run(&[marked.clone(), part.clone(), done(7, 0)], true).0, Some(Ok(Outcome::Interrupted)));
    // The kernel may mark only the done.
    assert_eq!(run(&[part, done(7, NLM_F_DUMP_INTR)], true).0, Some(Ok(Outcome::Interrupted)));
    // A mark on a stale answer to another request does not count.
    let stale = message(RTM_NEWADDR, NLM_F_MULTI | NLM_F_DUMP_INTR, 6, &[0; 8]);
    assert_eq!(run(&[[stale, done(7, 0)].concat()], true).0, Some(Ok(Outcome::Done)));
}

#[test]
fn a_truncated_datagram_ends_the_exchange_with_an_error() {
    // Without the error, a plain get whose answer is cut would wait for
    // another datagram that never comes.
    let answer = message(RTM_NEWLINK, 0, 7, &[0; 40]);
    let (end, read, kinds) = run(&[answer[..30].to_vec()], false);
    assert!(matches!(end, Some(Err(Errno(libc::EPROTO, Some(ref why)))) if why.contains("cut short")), "{end:?}");
    assert_eq!((read, kinds), (1, vec![]));
    assert!(matches!(received(40_000, 32_768), Err(Errno(libc::EMSGSIZE, Some(_)))));
    assert_eq!(received(32_768, 32_768), Ok(32_768));
}

#[test]
fn a_plain_get_ends_with_its_one_answer_and_errors_with_their_errno() {
    let answer = message(RTM_NEWLINK, 0, 7, &[0; 16]);
    assert_eq!(run(&[answer], false), (Some(Ok(Outcome::Done)), 1, vec![RTM_NEWLINK]));
    let enodev = message(NLMSG_ERROR, 0, 7, &[&(-libc::ENODEV).to_ne_bytes()[..], &[0; 16]].concat());
    assert_eq!(run(&[enodev], false).0, Some(Err(Errno(libc::ENODEV, None))));
    let min = message(NLMSG_ERROR, 0, 7, &[&i32::MIN.to_ne_bytes()[..], &[0; 16]].concat());
    assert_eq!(run(&[min], false).0, Some(Err(Errno(libc::EPROTO, None))));
}

#[test]
fn an_interrupted_dump_is_made_again_and_only_the_complete_one_counts() {
    let mut attempts = 0;
    let found = until_consistent(|| {
        attempts += 1;
        Ok((if attempts < 3 { Outcome::Interrupted } else { Outcome::Done }, attempts))
    });
    assert_eq!((found, attempts), (Ok(3), 3));
}

#[test]
fn a_dump_interrupted_every_time_gives_up_after_a_few_attempts() {
    let mut attempts = 0;
    let found = until_consistent(|| {
        attempts += 1;
        Ok((Outcome::Interrupted, ()))
    });
    assert!(matches!(found, Err(Errno(libc::EAGAIN, Some(_)))), "{found:?}");
    assert_eq!(attempts, DUMP_ATTEMPTS);
    let failed: Result<(), Errno> = until_consistent(|| Err(Errno(libc::EPERM, None)));
    assert_eq!(failed, Err(Errno(libc::EPERM, None)));
}
