//! UDP: one socket per client address ("flow"), made inside the
//! container's network namespace and connected to its port, so that the
//! container's answers come back on that socket and go to that client from
//! the host's listening socket. A flow idle in both directions for
//! [`super::UDP_IDLE`] is closed.

use std::collections::HashMap;
use std::io;
use std::net::{Ipv4Addr, SocketAddr, UdpSocket};
use std::os::fd::OwnedFd;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::process::{enter_netns, spawn_thread};

/// The largest datagram (IPv4's limit, less the headers).
const MAX_DATAGRAM: usize = 65_507;

struct Flow {
    socket: UdpSocket,
    /// Milliseconds since the forwarder's `epoch` of the last datagram.
    last_used: AtomicU64,
}

struct Flows {
    host: UdpSocket,
    container_port: u16,
    idle: Duration,
    epoch: Instant,
    by_client: Mutex<HashMap<SocketAddr, Arc<Flow>>>,
}

impl Flows {
    fn now(&self) -> u64 {
        self.epoch.elapsed().as_millis() as u64
    }

    /// The client's flow, made on its first datagram; touched under the
    /// lock, so that the reply thread never closes a flow that is in use.
    fn flow_for(self: &Arc<Self>, client: SocketAddr) -> io::Result<Arc<Flow>> {
        let mut map = self.by_client.lock().map_err(|_| io::Error::other("the flow table's lock is poisoned"))?;
        if let Some(flow) = map.get(&client) {
            flow.last_used.store(self.now(), Ordering::Relaxed);
            return Ok(flow.clone());
        }
        let socket = UdpSocket::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)))?;
        socket.connect(SocketAddr::from((Ipv4Addr::LOCALHOST, self.container_port)))?;
        let flow = Arc::new(Flow { socket, last_used: AtomicU64::new(self.now()) });
        map.insert(client, flow.clone());
        let flows = self.clone();
        let replies = flow.clone();
        spawn_thread("udp replies", move || flows.relay_replies(client, replies));
        Ok(flow)
    }

    /// The container's answers on one flow, sent back to its client until
    /// the flow has been idle for `idle`.
    fn relay_replies(&self, client: SocketAddr, flow: Arc<Flow>) {
        let mut buf = vec![0u8; MAX_DATAGRAM];
        loop {
            let idle_for = Duration::from_millis(self.now().saturating_sub(flow.last_used.load(Ordering::Relaxed)));
            let wait = self.idle.saturating_sub(idle_for).max(Duration::from_millis(1));
            if flow.socket.set_read_timeout(Some(wait)).is_err() {
                self.forget(client, &flow);
                return;
            }
            match flow.socket.recv(&mut buf) {
                Ok(n) => {
                    flow.last_used.store(self.now(), Ordering::Relaxed);
                    let _ = self.host.send_to(&buf[..n], client);
                }
                Err(e) if matches!(e.kind(), io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut) => {
                    if self.forget_if_idle(client, &flow) {
                        return;
                    }
                }
                // Nothing listens on the container's port (ICMP port
                // unreachable): the client gets no answer, as without us.
                Err(e) if matches!(e.kind(), io::ErrorKind::ConnectionRefused | io::ErrorKind::Interrupted) => {}
                Err(_) => {
                    self.forget(client, &flow);
                    return;
                }
            }
        }
    }

    /// Closes the flow when it is still idle, under the table's lock.
    fn forget_if_idle(&self, client: SocketAddr, flow: &Arc<Flow>) -> bool {
        let Ok(mut map) = self.by_client.lock() else { return true };
        let idle_for = self.now().saturating_sub(flow.last_used.load(Ordering::Relaxed));
        if idle_for < self.idle.as_millis() as u64 {
            return false;
        }
        if map.get(&client).is_some_and(|f| Arc::ptr_eq(f, flow)) {
            map.remove(&client);
        }
        true
    }

    fn forget(&self, client: SocketAddr, flow: &Arc<Flow>) {
        if let Ok(mut map) = self.by_client.lock() {
            if map.get(&client).is_some_and(|f| Arc::ptr_eq(f, flow)) {
                map.remove(&client);
            }
        }
    }
}

/// Serves one UDP listener for ever. This thread enters the container's
/// namespace first: the flow sockets it makes then live there, while the
/// listening socket stays the host's.
pub(super) fn serve(host: UdpSocket, container_port: u16, netns: Option<Arc<OwnedFd>>, idle: Duration) {
    if let Err(e) = enter_netns(netns.as_deref()) {
        eprintln!("pontoon: port forwarder: {e}: port {container_port}/udp is not forwarded");
        return;
    }
    let sender = match host.try_clone() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("pontoon: port forwarder: port {container_port}/udp: {e}");
            return;
        }
    };
    let flows = Arc::new(Flows { host: sender, container_port, idle, epoch: Instant::now(), by_client: Mutex::new(HashMap::new()) });
    let mut buf = vec![0u8; MAX_DATAGRAM];
    loop {
        let (n, client) = match host.recv_from(&mut buf) {
            Ok(got) => got,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => {
                eprintln!("pontoon: port forwarder: receive on port {container_port}/udp: {e}");
                std::thread::sleep(Duration::from_millis(100));
                continue;
            }
        };
        match flows.flow_for(client) {
            Ok(flow) => {
                let _ = flow.socket.send(&buf[..n]);
            }
            Err(e) => eprintln!("pontoon: port forwarder: a flow to port {container_port}/udp for {client}: {e}"),
        }
    }
}
