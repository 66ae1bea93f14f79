//! What a server process and its children use, read from `/proc`: memory as the sum of
//! their proportional set sizes (so nginx's workers, which share pages with their
//! master and with each other, are not counted twice) and CPU time as user + system.

use std::fs;

use crate::{Error, Result};

/// A process and every process below it (nginx's master and its workers).
#[derive(Debug, Clone, Copy)]
pub struct ProcessTree {
    root: u32,
}

impl ProcessTree {
    pub fn new(root: u32) -> Result<ProcessTree> {
        fs::metadata(format!("/proc/{root}"))
            .map_err(|error| Error::new(format!("process {root}: {error}")))?;
        Ok(ProcessTree { root })
    }

    /// The memory of the whole tree, in KB: Pss where the kernel gives it, else VmRSS.
    pub fn memory_kb(&self) -> Result<u64> {
        let mut total = 0;
        for pid in self.pids()? {
            total += pss_kb(pid).or_else(|_| rss_kb(pid))?;
        }
        Ok(total)
    }

    /// The CPU time of the whole tree so far (user + system), in clock ticks.
    pub fn cpu_ticks(&self) -> Result<u64> {
        let mut total = 0;
        for pid in self.pids()? {
            let fields = stat_fields(pid)?;
            // After the command name: state is field 3, utime 14 and stime 15.
            let ticks = |n: usize| -> Result<u64> {
                fields
                    .get(n - 3)
                    .and_then(|v| v.parse::<u64>().ok())
                    .ok_or_else(|| Error::new(format!("/proc/{pid}/stat: no field {n}")))
            };
            total += ticks(14)? + ticks(15)?;
        }
        Ok(total)
    }

    /// The root and its descendants, found through each process's parent.
    fn pids(&self) -> Result<Vec<u32>> {
        let mut parents = Vec::new();
        for dir in fs::read_dir("/proc")? {
            let Some(pid) = dir?
                .file_name()
                .to_str()
                .and_then(|n| n.parse::<u32>().ok())
            else {
                continue;
            };
            // A process may end while we look: skip it.
            let Ok(fields) = stat_fields(pid) else {
                continue;
            };
            if let Some(parent) = fields.get(1).and_then(|p| p.parse::<u32>().ok()) {
                parents.push((pid, parent));
            }
        }
        let mut tree = vec![self.root];
        let mut i = 0;
        while i < tree.len() {
            let parent = tree[i];
            tree.extend(
                parents
                    .iter()
                    .filter(|(_, p)| *p == parent)
                    .map(|(pid, _)| *pid),
            );
            i += 1;
        }
        Ok(tree)
    }
}

/// How many connections the kernel has dropped, machine-wide, because a listener's
/// accept queue was full (`TcpExt: ListenOverflows` in `/proc/net/netstat`). A server
/// that accepts too slowly shows here, and its readers wait a second to retry.
pub fn listen_overflows() -> Option<u64> {
    let netstat = fs::read_to_string("/proc/net/netstat").ok()?;
    let mut tcp_ext = netstat.lines().filter(|l| l.starts_with("TcpExt:"));
    let names = tcp_ext.next()?.split_whitespace();
    let values = tcp_ext.next()?.split_whitespace();
    names
        .zip(values)
        .find(|(name, _)| *name == "ListenOverflows")
        .and_then(|(_, value)| value.parse().ok())
}

/// The fields of `/proc/PID/stat` after the command name (which may hold spaces).
fn stat_fields(pid: u32) -> Result<Vec<String>> {
    let stat = fs::read_to_string(format!("/proc/{pid}/stat"))?;
    let rest = stat
        .rsplit_once(')')
        .map(|(_, rest)| rest)
        .ok_or_else(|| Error::new(format!("/proc/{pid}/stat: unreadable")))?;
    Ok(rest.split_whitespace().map(str::to_owned).collect())
}

fn pss_kb(pid: u32) -> Result<u64> {
    kb_field(&format!("/proc/{pid}/smaps_rollup"), "Pss:")
}

fn rss_kb(pid: u32) -> Result<u64> {
    kb_field(&format!("/proc/{pid}/status"), "VmRSS:")
}

/// A `Name:   1234 kB` line's number.
fn kb_field(path: &str, name: &str) -> Result<u64> {
    let text = fs::read_to_string(path)?;
    text.lines()
        .find_map(|line| line.strip_prefix(name))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
        .ok_or_else(|| Error::new(format!("{path}: no {name} line")))
}
