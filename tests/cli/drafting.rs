//! `cartero draft`: drafts that survive reruns, edits and crashes (their states: `status.rs`).

use crate::support::*;

pub const CLIENTS: &str = "email,name,note\nana@example.com,Ana Ruiz,Gracias por la paella de junio\nbo@example.com,Bo Li,Suerte con la tienda nueva de Vigo\n";
pub const TEMPLATE: &str = "Subject: Hola {{ first_name }}\n\nHola {{ first_name }}:\n\n{{ note }}\n\nUn abrazo,\n{{ sender.name }}\n";

pub fn drafted() -> Campaign {
    let c = Campaign::with(CLIENTS, TEMPLATE);
    c.run(&["draft"])
        .success()
        .stdout_has("2 drafts in `drafts`: 2 new");
    c
}

#[test]
fn draft_writes_plain_editable_files_and_status_tells() {
    let c = drafted();
    assert_eq!(
        c.read("drafts/0001-ana-ruiz.txt"),
        "To: Ana Ruiz <ana@example.com>\nSubject: Hola Ana\n\nHola Ana:\n\nGracias por la paella de junio\n\nUn abrazo,\nAna García\n"
    );
    let status = c.status();
    assert_eq!(status.len(), 2);
    assert_eq!(status[0]["email"], "ana@example.com");
    assert_eq!(status[0]["name"], "Ana Ruiz");
    assert_eq!(status[0]["state"], "drafted");
    assert_eq!(status[0]["draft"], "drafts/0001-ana-ruiz.txt");
    let share = status[0]["personal_share"].as_f64().unwrap();
    assert!((0.0..=1.0).contains(&share));
    assert!(
        status[0]["warnings"].as_array().unwrap().is_empty(),
        "{:?}",
        status[0]
    );
    // The journal has one event per draft, with a content hash.
    let journal = c.read("drafts/journal.jsonl");
    let events: Vec<serde_json::Value> = journal
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(events.len(), 2);
    assert_eq!(events[0]["event"], "drafted");
    assert_eq!(events[0]["client"], "ana@example.com");
    assert_eq!(events[0]["hash"].as_str().unwrap().len(), 64);
    assert!(events[0]["time"]
        .as_str()
        .unwrap()
        .starts_with("2026-11-22T10:30:00"));
    // A rerun changes nothing.
    c.run(&["draft"])
        .success()
        .stdout_has("0 new, 0 refreshed, 0 edited by you and kept, 2 unchanged");
    assert_eq!(c.read("drafts/journal.jsonl"), journal);
}

#[test]
fn rerun_adds_new_clients_and_refreshes_untouched_drafts() {
    let c = drafted();
    c.write(
        "clients.csv",
        format!("{CLIENTS}cy@example.com,Cy,Nos vemos en Reus\n").replace("Vigo", "Lugo"),
    );
    c.run(&["draft"]).success().stdout_has("1 new, 1 refreshed");
    assert!(c.read("drafts/0002-bo-li.txt").contains("Lugo"));
    assert!(c.path("drafts/0003-cy.txt").exists());
}

#[test]
fn a_decision_taken_back_by_a_refreshed_draft_is_said() {
    let c = drafted();
    c.run_with_stdin(
        &["review"],
        "a
s
",
    )
    .success();
    c.write(
        "clients.csv",
        CLIENTS.replace("Vigo", "Lugo").replace("paella", "fideuá"),
    );
    c.run(&["draft"])
        .success()
        .stdout_has("2 refreshed")
        .stderr_has("`Ana Ruiz` (ana@example.com): the client list changed, so the draft was written again; you had approved it")
        .stderr_has("`Bo Li` (bo@example.com): the client list changed, so the draft was written again; you had skipped it");
    assert_eq!(c.states(), ["drafted", "drafted"]);
}

#[test]
fn an_edit_survives_a_second_draft() {
    let c = drafted();
    let path = c.draft_file(0);
    let edited = std::fs::read_to_string(&path)
        .unwrap()
        .replace("Un abrazo", "Un abrazo fuerte, y saludos a tu madre");
    std::fs::write(&path, &edited).unwrap();
    assert_eq!(c.states(), ["edited", "drafted"]);
    c.run(&["draft"])
        .success()
        .stdout_has("1 edited by you and kept");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), edited);
}

#[test]
fn changed_data_under_an_edited_draft_goes_beside_it_as_new() {
    let c = drafted();
    let path = c.draft_file(0);
    let edited = std::fs::read_to_string(&path).unwrap() + "P.D.: ¡la receta!\n";
    std::fs::write(&path, &edited).unwrap();
    c.write(
        "clients.csv",
        CLIENTS.replace("paella de junio", "paella de julio"),
    );
    c.run(&["draft"])
        .success()
        .stderr_has("conflict: `Ana Ruiz` (ana@example.com)")
        .stderr_has("0001-ana-ruiz.txt.new");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        edited,
        "the edit is kept"
    );
    assert!(c
        .read("drafts/0001-ana-ruiz.txt.new")
        .contains("paella de julio"));
    let status = c.status();
    assert!(
        status[0]["warnings"][0].as_str().unwrap().contains(".new"),
        "{:?}",
        status[0]
    );
    // Reported once: the same render is not a new conflict.
    let again = c.run(&["draft"]).success();
    assert!(!again.stderr().contains("conflict"), "{}", again.stderr());
}

#[test]
fn a_client_removed_from_the_list_is_reported_and_its_draft_kept() {
    let c = drafted();
    c.write(
        "clients.csv",
        CLIENTS.lines().take(2).collect::<Vec<_>>().join("\n"),
    );
    c.run(&["draft"])
        .success()
        .stderr_has("`bo@example.com` is no longer in the client list");
    assert!(c.path("drafts/0002-bo-li.txt").exists());
    c.run(&["status"])
        .success()
        .stdout_has("no longer on the list: bo@example.com");
}

#[test]
fn a_torn_journal_line_is_reported_not_fatal() {
    let c = drafted();
    c.append(
        "drafts/journal.jsonl",
        "{\"time\":\"2026-11-22T10:31:00+01:00\",\"client\":\"ana@exa",
    );
    c.run(&["status"])
        .success()
        .stderr_has("journal.jsonl:3: the last line was cut short");
    assert_eq!(c.states(), ["drafted", "drafted"]);
    // The next write repairs it: the torn bytes are gone and every line parses.
    c.run_with_stdin(&["review"], "a\nq\n").success();
    for line in c.read("drafts/journal.jsonl").lines() {
        serde_json::from_str::<serde_json::Value>(line).unwrap();
    }
    assert_eq!(c.states(), ["approved", "drafted"]);
}

#[test]
fn a_refresh_written_but_not_journaled_is_adopted_not_called_an_edit() {
    let c = drafted();
    c.write("clients.csv", CLIENTS.replace("Vigo", "Lugo"));
    // As if `draft` wrote the fresh render, then died before journaling it.
    let fresh = c.read("drafts/0002-bo-li.txt").replace("Vigo", "Lugo");
    c.write("drafts/0002-bo-li.txt", &fresh);
    assert_eq!(c.states(), ["drafted", "edited"]);
    let run = c.run(&["draft"]).success();
    assert!(!run.stderr().contains("conflict"), "{}", run.stderr());
    assert!(!c.path("drafts/0002-bo-li.txt.new").exists());
    assert_eq!(c.states(), ["drafted", "drafted"]);
}

#[test]
fn a_deleted_draft_is_missing_then_written_again() {
    let c = drafted();
    std::fs::remove_file(c.path("drafts/0002-bo-li.txt")).unwrap();
    assert_eq!(c.states(), ["drafted", "missing"]);
    c.run(&["draft"]).success();
    assert_eq!(c.states(), ["drafted", "drafted"]);
}

/// 30 generated clients, each with a note of their own words.
fn thirty_clients(with_notes: bool) -> String {
    const WORDS: [&str; 40] = [
        "huerto",
        "tienda",
        "almacén",
        "feria",
        "furgoneta",
        "jardín",
        "marzo",
        "tormenta",
        "Pascua",
        "viernes",
        "mudanza",
        "impresora",
        "churros",
        "equipo",
        "hija",
        "mapa",
        "gotera",
        "medianoche",
        "viaje",
        "Lisboa",
        "factura",
        "café",
        "lluvia",
        "barco",
        "boda",
        "panadería",
        "camión",
        "oficina",
        "perro",
        "concierto",
        "fútbol",
        "paella",
        "portátil",
        "tejado",
        "bicicleta",
        "museo",
        "puerto",
        "mercado",
        "piano",
        "colegio",
    ];
    let mut seed = 11u64;
    let mut next = move || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize
    };
    let mut csv = String::from("email,name,note\n");
    for i in 0..30 {
        let note: Vec<&str> = (0..12).map(|_| WORDS[next() % WORDS.len()]).collect();
        let note = if with_notes {
            note.join(" ")
        } else {
            String::new()
        };
        csv.push_str(&format!("c{i}@example.com,Cliente{i} Apellido{i},{note}\n"));
    }
    csv
}

const BODY: &str = "Antes de que se acabe el año quería escribirte para darte las gracias por seguir a nuestro lado. Ha sido un placer trabajar contigo, y espero que el año que viene nos traiga salud y buen trabajo. Un abrazo de todo el equipo.";

#[test]
fn personal_share_separates_a_name_only_template_from_a_note_carrying_one() {
    let name_only = Campaign::with(
        &thirty_clients(false),
        &format!(
            "Subject: Gracias, {{{{ first_name }}}}\n\nHola, {{{{ first_name }}}}:\n\n{BODY}\n"
        ),
    );
    name_only
        .run(&["draft"])
        .success()
        .stdout_has("30 read like a mass mail");
    for client in name_only.status() {
        let warnings = client["warnings"].to_string();
        assert!(warnings.contains("reads like a mass mail"), "{client}");
        assert!(warnings.contains("no personal note"), "{client}");
        assert!(client["personal_share"].as_f64().unwrap() < 0.1, "{client}");
    }
    let with_note = Campaign::with(
        &thirty_clients(true),
        &format!("Subject: Gracias, {{{{ first_name }}}}\n\nHola, {{{{ first_name }}}}:\n\n{{{{ note }}}}.\n\n{BODY}\n"),
    );
    with_note
        .run(&["draft"])
        .success()
        .stdout_has("0 read like a mass mail");
    for client in with_note.status() {
        assert!(
            client["warnings"].as_array().unwrap().is_empty(),
            "{client}"
        );
        assert!(
            client["personal_share"].as_f64().unwrap() >= 0.1,
            "{client}"
        );
    }
    with_note
        .run(&["check"])
        .success()
        .stdout_has("0 of 30 emails read like a mass mail");
    name_only
        .run(&["check"])
        .success()
        .stdout_has("30 of 30 emails read like a mass mail");
}

#[test]
fn a_new_file_the_user_worked_in_is_never_overwritten() {
    let c = drafted();
    let path = c.draft_file(0);
    std::fs::write(&path, std::fs::read_to_string(&path).unwrap() + "P.D.\n").unwrap();
    c.write(
        "clients.csv",
        CLIENTS.replace("paella de junio", "paella de julio"),
    );
    c.run(&["draft"])
        .success()
        .stderr_has("0001-ana-ruiz.txt.new");
    // The user merges in the .new file itself…
    let merged = c.read("drafts/0001-ana-ruiz.txt.new") + "mi nota\n";
    c.write("drafts/0001-ana-ruiz.txt.new", &merged);
    // …and the data changes again.
    c.write(
        "clients.csv",
        CLIENTS.replace("paella de junio", "paella de agosto"),
    );
    c.run(&["draft"])
        .success()
        .stderr_has("0001-ana-ruiz.txt.new2");
    assert_eq!(c.read("drafts/0001-ana-ruiz.txt.new"), merged);
    assert!(c.read("drafts/0001-ana-ruiz.txt.new2").contains("agosto"));
    assert!(c.status()[0]["warnings"][0]
        .as_str()
        .unwrap()
        .contains(".new2"));
}

/// The text as Windows-1252 bytes, as Notepad or an old Word saves it ("José" → 4A 6F 73 E9).
fn windows_1252(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| u8::try_from(u32::from(c)).expect("a Latin-1 character"))
        .collect()
}

#[test]
fn a_draft_saved_as_windows_1252_is_an_edit_not_missing() {
    let c = drafted();
    let path = c.draft_file(0);
    let edited = c
        .read("drafts/0001-ana-ruiz.txt")
        .replace("Un abrazo", "Un abrazo, y saludos a José");
    let bytes = windows_1252(&edited);
    assert!(bytes.windows(4).any(|w| w == [0x4A, 0x6F, 0x73, 0xE9]));
    std::fs::write(&path, &bytes).unwrap();
    let status = c.status();
    assert_eq!(status[0]["state"], "edited", "{:?}", status[0]);
    assert!(
        status[0]["warnings"][0]
            .as_str()
            .unwrap()
            .contains("read as windows-1252"),
        "{:?}",
        status[0]
    );
    c.run(&["status"])
        .success()
        .stdout_has("edited")
        .stdout_has("save it as UTF-8");
    c.run(&["draft"])
        .success()
        .stdout_has("1 edited by you and kept");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        bytes,
        "the user's words are kept"
    );
    // Changed data under it goes beside it, and the edit stays.
    c.write(
        "clients.csv",
        CLIENTS.replace("paella de junio", "paella de julio"),
    );
    c.run(&["draft"])
        .success()
        .stderr_has("0001-ana-ruiz.txt.new");
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
    // What review shows, approves and binds to is the decoded text.
    c.run_with_stdin(&["review"], "a\nq\n")
        .success()
        .stderr_has("saludos a José")
        .stderr_has("read as windows-1252");
    assert_eq!(c.states()[0], "approved");
}

#[test]
fn a_new_file_merged_into_as_windows_1252_is_never_overwritten() {
    let c = drafted();
    let path = c.draft_file(0);
    std::fs::write(&path, c.read("drafts/0001-ana-ruiz.txt") + "P.D.\n").unwrap();
    c.write(
        "clients.csv",
        CLIENTS.replace("paella de junio", "paella de julio"),
    );
    c.run(&["draft"])
        .success()
        .stderr_has("0001-ana-ruiz.txt.new");
    let merged = windows_1252(&(c.read("drafts/0001-ana-ruiz.txt.new") + "mi nota, José\n"));
    c.write("drafts/0001-ana-ruiz.txt.new", &merged);
    c.write(
        "clients.csv",
        CLIENTS.replace("paella de junio", "paella de agosto"),
    );
    c.run(&["draft"])
        .success()
        .stderr_has("0001-ana-ruiz.txt.new2");
    assert_eq!(
        std::fs::read(c.path("drafts/0001-ana-ruiz.txt.new")).unwrap(),
        merged
    );
}

#[test]
fn a_draft_that_cannot_be_read_is_an_error_never_missing() {
    use std::os::unix::fs::{FileTypeExt, PermissionsExt};
    let c = drafted();
    let path = c.draft_file(0);
    let before = std::fs::read(&path).unwrap();
    let refused = |why: &str| {
        for command in ["status", "draft", "review"] {
            let run = c
                .cmd(&[command])
                .timeout(std::time::Duration::from_secs(20))
                .output()
                .unwrap();
            Run(run)
                .failure()
                .stderr_has("failed to read the draft of `Ana Ruiz` (ana@example.com)")
                .stderr_has("0001-ana-ruiz.txt")
                .stderr_has(why);
        }
    };
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    // Root reads a file of mode 000 (CI runs as root): the forms below stop root too.
    if std::fs::read(&path).is_err() {
        refused("chmod u+rw");
    }
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), before);
    // A link that points at itself: no one can read it, and it is not missing either.
    std::fs::remove_file(&path).unwrap();
    std::os::unix::fs::symlink(path.file_name().unwrap(), &path).unwrap();
    refused("cannot read");
    assert!(
        std::fs::symlink_metadata(&path)
            .unwrap()
            .file_type()
            .is_symlink(),
        "nothing was written in its place"
    );
    // A named pipe: reading it would wait for a writer forever.
    std::fs::remove_file(&path).unwrap();
    let name = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid C string for the duration of the call.
    assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o644) }, 0);
    refused("is not a regular file");
    assert!(std::fs::symlink_metadata(&path)
        .unwrap()
        .file_type()
        .is_fifo());
    // A folder where the draft was is not a missing draft either.
    std::fs::remove_file(&path).unwrap();
    std::fs::create_dir(&path).unwrap();
    refused("is a folder");
    assert!(path.is_dir());
}

#[test]
fn an_edited_draft_the_journal_lost_is_kept_and_said() {
    let c = drafted();
    c.append("drafts/0001-ana-ruiz.txt", "Mi posdata\n");
    std::fs::rename(c.path("drafts/journal.jsonl"), c.path("journal.bak")).unwrap();
    c.run(&["draft"])
        .success()
        .stderr_has(
            "note: `drafts/0001-ana-ruiz.txt` was already there and the journal does not know it",
        )
        .stderr_has("the draft cartero will use for ana@example.com is `0001-ana-ruiz-2.txt`");
    assert!(c.read("drafts/0001-ana-ruiz.txt").ends_with("Mi posdata\n"));
}

#[test]
fn a_client_added_in_the_middle_gets_a_number_no_draft_has() {
    let c = drafted();
    c.write(
        "clients.csv",
        CLIENTS.replace(
            "bo@example.com",
            "cy@example.com,Cy,Nos vemos en Reus\nbo@example.com",
        ),
    );
    c.run(&["draft"]).success().stdout_has("1 new");
    let mut names: Vec<String> = std::fs::read_dir(c.path("drafts"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["0001-ana-ruiz.txt", "0002-bo-li.txt", "0003-cy.txt"]
    );
    let drafts: Vec<String> = c
        .status()
        .iter()
        .map(|s| s["draft"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        drafts,
        [
            "drafts/0001-ana-ruiz.txt",
            "drafts/0003-cy.txt",
            "drafts/0002-bo-li.txt"
        ]
    );
}
