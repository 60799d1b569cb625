//! A guard in front of calamine's reader of OLE containers (Compound File Binary, the envelope
//! of .xls workbooks). calamine 0.31 trusts the sizes and sector numbers it reads: a damaged
//! file can make it reserve terabytes, index past its tables or follow a looping chain of
//! sectors until memory runs out (found by the fuzz targets, see fuzz/README.md). In the app a
//! panic or a failed allocation ends the process, so the same structures are walked here first,
//! with bounds, and a file where anything points outside it or loops is called damaged.
//!
//! The walk mirrors `calamine::cfb::Cfb::new` and `Cfb::get_stream` (calamine 0.31): header,
//! DIFAT chain, FAT, directory chain, mini stream and mini FAT, then the chain of every stream;
//! then the BIFF records of each sheet of the workbook stream, whose dimensions and cell
//! columns size calamine's grids. Panics calamine may still meet (short records) are caught
//! by `workbook::guarded`; this guard is for what a panic cannot cover: failed allocations and
//! endless loops, which end the process.

use std::collections::HashSet;

const ENDOFCHAIN: u32 = 0xFFFF_FFFE;
/// Sector numbers from here up are markers, not sectors.
const RESERVED: u32 = 0xFFFF_FFFA;
const DIFSECT: u32 = 0xFFFF_FFFC;
const HEADER: usize = 512;
const DIRECTORY_ENTRY: usize = 128;
const MINI_SECTOR: usize = 64;
/// Streams shorter than this live in the mini stream.
const MINI_CUTOFF: u64 = 4096;
/// Stream object in a directory entry.
const STREAM: u8 = 2;
/// Memory one table may reserve beyond four times the file's size (calamine sizes some
/// vectors from header fields: a sound file stays far below).
const SLACK: u64 = 64 << 20;

fn u16_at(b: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([b[at], b[at + 1]])
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}

fn u64_at(b: &[u8], at: usize) -> u64 {
    u64::from(u32_at(b, at)) | (u64::from(u32_at(b, at + 4)) << 32)
}

fn words(b: &[u8]) -> impl Iterator<Item = u32> + '_ {
    b.chunks_exact(4).map(|w| u32_at(w, 0))
}

/// The sectors of a chain starting at `start`, following `table`; `None` if it leaves the
/// `count` sectors there are, leaves the table or comes back on itself.
fn chain(start: u32, table: &[u32], count: usize) -> Option<Vec<u32>> {
    let mut ids = Vec::new();
    let mut seen = HashSet::new();
    let mut id = start;
    while id != ENDOFCHAIN {
        if id as usize >= count || !seen.insert(id) {
            return None;
        }
        ids.push(id);
        id = *table.get(id as usize)?;
    }
    Some(ids)
}

/// False when calamine could crash, loop or run out of memory on `bytes` (an OLE file).
/// Files calamine refuses by itself (another signature, an unknown sector size) pass: they
/// are refused with calamine's error.
pub(crate) fn is_safe(bytes: &[u8]) -> bool {
    check(bytes).is_some()
}

fn check(bytes: &[u8]) -> Option<()> {
    let header = bytes.get(..HEADER)?;
    let size = match u16_at(header, 30) {
        0x09 => 512,
        0x0C => 4096,
        _ => return Some(()),
    };
    if u16_at(header, 32) != 0x06 {
        return Some(());
    }
    // The header fills the first sector; only whole sectors after it are ever used.
    let body = bytes.get(size..)?;
    let count = body.len() / size;
    let sector = |id: u32| -> Option<&[u8]> {
        let id = id as usize;
        (id < count).then(|| &body[id * size..(id + 1) * size])
    };
    let limit = (bytes.len() as u64).saturating_mul(4).saturating_add(SLACK);
    let fits = |bytes: u64| bytes <= limit;

    let dir_len = u64::from(u32_at(header, 40));
    let fat_len = u64::from(u32_at(header, 44));
    let dir_start = u32_at(header, 48);
    let mini_fat_start = u32_at(header, 60);
    let mini_fat_len = u64::from(u32_at(header, 64));
    let difat_start = u32_at(header, 68);
    // calamine reserves the DIFAT from bytes 62..66 (not the DIFAT count at 72).
    let difat_reserved = u64::from(u32_at(header, 62));
    let size64 = size as u64;
    if !(fits(difat_reserved * 4)
        && fits(fat_len * 4)
        && fits(dir_len * size64)
        && fits(mini_fat_len * size64))
    {
        return None;
    }

    let mut difat: Vec<u32> = words(&header[76..HEADER]).collect();
    let mut id = difat_start;
    let mut steps = 0;
    while id < RESERVED {
        steps += 1;
        if steps > count {
            return None;
        }
        difat.extend(words(sector(id)?));
        id = difat.pop()?;
    }
    let mut fat = Vec::new();
    for &id in difat.iter().filter(|&&id| id < DIFSECT) {
        fat.extend(words(sector(id)?));
    }

    let mut directory: Vec<u8> = Vec::new();
    for id in chain(dir_start, &fat, count)? {
        directory.extend_from_slice(sector(id)?);
    }
    if dir_len > 0 {
        directory.truncate((dir_len * size64) as usize);
    }
    if !directory.len().is_multiple_of(DIRECTORY_ENTRY) {
        return None;
    }
    let entries: Vec<Entry> = directory
        .chunks_exact(DIRECTORY_ENTRY)
        .map(|e| Entry::read(e, size))
        .collect();
    let Some(root) = entries.first() else {
        return Some(()); // calamine: "empty root directory"
    };
    let (root_start, root_len) = (root.start, root.len);
    if entries.iter().any(|e| !fits(e.len)) {
        return None;
    }

    let (mini_fat, mini_stream) = if mini_fat_len > 0 {
        let mut stream: Vec<u8> = Vec::new();
        for id in chain(root_start, &fat, count)? {
            stream.extend_from_slice(sector(id)?);
        }
        if root_len > 0 {
            stream.truncate(root_len as usize);
        }
        let mut table: Vec<u8> = Vec::new();
        for id in chain(mini_fat_start, &fat, count)? {
            table.extend_from_slice(sector(id)?);
        }
        table.truncate((mini_fat_len * size64) as usize);
        (words(&table).collect::<Vec<u32>>(), stream)
    } else {
        (Vec::new(), Vec::new())
    };
    let mini_count = mini_stream.len() / MINI_SECTOR;

    // The streams calamine may read: every stream, and whatever is named like the workbook
    // (calamine looks streams up by name only).
    let read = |e: &&Entry| {
        e.kind == STREAM
            || ["Workbook", "Book"]
                .iter()
                .any(|name| e.name.eq_ignore_ascii_case(name))
    };
    for entry in entries.iter().skip(1).filter(read) {
        if entry.len < MINI_CUTOFF {
            chain(entry.start, &mini_fat, mini_count)?;
        } else {
            chain(entry.start, &fat, count)?;
        }
    }

    // The workbook stream, as calamine finds it.
    let named = |name: &str| entries.iter().find(|e| e.name.eq_ignore_ascii_case(name));
    let Some(workbook) = named("Workbook").or_else(|| named("Book")) else {
        return Some(()); // calamine: stream not found
    };
    let mut stream: Vec<u8> = Vec::new();
    if workbook.len < MINI_CUTOFF {
        for id in chain(workbook.start, &mini_fat, mini_count)? {
            let at = id as usize * MINI_SECTOR;
            stream.extend_from_slice(&mini_stream[at..at + MINI_SECTOR]);
        }
    } else {
        for id in chain(workbook.start, &fat, count)? {
            stream.extend_from_slice(sector(id)?);
        }
    }
    if workbook.len > 0 {
        stream.truncate(workbook.len as usize);
    }
    biff_check(&stream)
}

/// The BIFF records of a sheet, as calamine's `RecordIter` splits them (Continue records
/// only ever follow another record, so they never start one): (type, data).
fn records(mut stream: &[u8]) -> impl Iterator<Item = (u16, &[u8])> {
    std::iter::from_fn(move || {
        let header = stream.get(..4)?;
        let len = usize::from(u16_at(header, 2));
        let data = stream.get(4..4 + len)?;
        let typ = u16_at(header, 0);
        stream = &stream[4 + len..];
        Some((typ, data))
    })
}

/// BIFF8 sheets have at most 256 columns; calamine builds a dense grid over the cells'
/// extent, so a damaged column number would make it ask for tens of gigabytes.
const BIFF_COLUMNS: u32 = 256;
const BIFF_ROWS: u64 = 65_536;

/// The sheets' records: the dimensions calamine reserves room for, and the columns of the
/// cells it places in its grid, stay within a BIFF8 sheet.
fn biff_check(stream: &[u8]) -> Option<()> {
    let mut sheets = Vec::new();
    for (typ, data) in records(stream) {
        match typ {
            0x000A => break, // EOF of the workbook globals
            0x0085 if data.len() >= 4 => sheets.push(u32_at(data, 0) as usize),
            _ => {}
        }
    }
    for start in sheets {
        let Some(sheet) = stream.get(start..) else {
            continue; // calamine's slice panics, and the panic is caught
        };
        for (typ, data) in records(sheet) {
            let column = |at: usize| (data.len() >= at + 2).then(|| u32::from(u16_at(data, at)));
            match typ {
                0x000A => break,
                0x0200 => {
                    let (rf, rl, cf, cl) = match data.len() {
                        10 => (
                            u32::from(u16_at(data, 0)),
                            u32::from(u16_at(data, 2)),
                            u32::from(u16_at(data, 4)),
                            u32::from(u16_at(data, 6)),
                        ),
                        14 => (
                            u32_at(data, 0),
                            u32_at(data, 4),
                            u32::from(u16_at(data, 8)),
                            u32::from(u16_at(data, 10)),
                        ),
                        _ => continue,
                    };
                    let cf = if cf > 0xFF || cl < cf { 0 } else { cf };
                    if rl >= 1 && cl >= 1 {
                        let rows = u64::from((rl - 1).checked_sub(rf)?) + 1;
                        let cols = u64::from((cl - 1).checked_sub(cf)?) + 1;
                        if rows * cols > BIFF_ROWS * u64::from(BIFF_COLUMNS) {
                            return None;
                        }
                    }
                }
                0x0203 | 0x0204 | 0x0205 | 0x027E | 0x00FD | 0x0006
                    if column(2).is_some_and(|c| c >= BIFF_COLUMNS) =>
                {
                    return None;
                }
                0x00BD if data.len() >= 6 => {
                    let first = column(2)?;
                    let last = column(data.len() - 2)?;
                    if first >= BIFF_COLUMNS || last >= BIFF_COLUMNS {
                        return None;
                    }
                }
                _ => {}
            }
        }
    }
    Some(())
}

/// One directory entry.
struct Entry {
    name: String,
    /// Object type: 2 is a stream.
    kind: u8,
    start: u32,
    len: u64,
}

impl Entry {
    fn read(e: &[u8], sector_size: usize) -> Entry {
        let units = e[..64].chunks_exact(2).map(|u| u16_at(u, 0));
        let name: String = char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .take_while(|&c| c != '\0')
            .collect();
        let len = if sector_size == 512 {
            u64::from(u32_at(e, 120))
        } else {
            u64_at(e, 120)
        };
        Entry {
            name,
            kind: e[66],
            start: u32_at(e, 116),
            len,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus(name: &str) -> Vec<u8> {
        std::fs::read(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/corpus")
                .join(name),
        )
        .unwrap()
    }

    #[test]
    fn sound_files_pass() {
        for name in ["households.xls", "visits.xls", "password.xlsx"] {
            assert!(is_safe(&corpus(name)), "{name}");
        }
    }

    #[test]
    fn sizes_and_sectors_outside_the_file_are_refused() {
        let sound = corpus("households.xls");
        // Byte 43 is the top byte of the directory sector count: calamine would reserve
        // 2 TB for the directory.
        let mut huge = sound.clone();
        huge[43] = 0xFF;
        assert!(!is_safe(&huge));
        // The first directory sector far beyond the end of the file.
        let mut beyond = sound.clone();
        beyond[48..52].copy_from_slice(&0x00FF_0000u32.to_le_bytes());
        assert!(!is_safe(&beyond));
        // Cut short: a sector of the chains is missing.
        assert!(!is_safe(&sound[..1500]));
    }

    #[test]
    fn a_chain_that_loops_is_refused() {
        assert_eq!(chain(0, &[1, 0], 2), None);
        assert_eq!(chain(0, &[0], 1), None);
        assert_eq!(chain(0, &[1, ENDOFCHAIN], 2), Some(vec![0, 1]));
        assert_eq!(chain(0, &[5], 6), None, "5 is outside the table");
        assert_eq!(chain(ENDOFCHAIN, &[], 0), Some(vec![]));
    }
}
