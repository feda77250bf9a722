//! The client list's and the templates' problems in Spanish: each still names its file, its
//! line and its client, the words around them in the user's language.

use crate::support::*;

const TEMPLATE: &str = "Subject: Hola {{ first_name }}\n\n{{ note }}\n";

/// `cartero check` in Spanish.
fn check_es(c: &Campaign) -> Run {
    Run(c
        .cmd(&["check"])
        .env("CARTERO_LANG", "es")
        .output()
        .unwrap())
}

#[test]
fn a_list_without_an_address_column_is_said_in_spanish() {
    let c = Campaign::with("nombre,nota\nAna,la feria\n", TEMPLATE);
    check_es(&c).failure().stderr_has(
        "error: clients.csv:1, columna `email`: no hay columna `email` (ni `correo`); la primera línea nombra estas columnas: nombre, nota\n",
    );
}

#[test]
fn a_bad_address_and_a_repeated_one_are_said_in_spanish_with_row_and_client() {
    let c = Campaign::with(
        "email,name,note\nana@,Ana,la feria\nbo@example.com,Bo,el viaje\nbo@example.com,Bo Ruiz,la nave\n",
        TEMPLATE,
    );
    check_es(&c)
        .failure()
        .stderr_has("error: clients.csv:2, columna `email`, cliente `Ana`: `ana@` no es una dirección de correo válida\n")
        .stderr_has("error: clients.csv:4, columna `email`, cliente `Bo Ruiz`: `bo@example.com` también está en la línea 3: esa persona recibiría dos correos; deja una sola fila\n");
}

#[test]
fn a_template_tera_cannot_read_is_said_in_spanish_at_its_line() {
    let c = Campaign::with(
        "email,name,note\nana@example.com,Ana,la feria\n",
        "Subject: Hola {{ name }}\n\n{% if note %}\n{{ note }}\n",
    );
    check_es(&c).failure().stderr_has(
        "error: templates/t.txt:3:1: `{% if … %}` de la línea 3 no se cierra nunca: añade `{% endif %}` donde termine su parte\n   |\n 3 | {% if note %}\n   | ^^\n",
    );
    c.write("templates/t.txt", "Subject: Hola {{ name | }}\n\nHola\n");
    check_es(&c)
        .failure()
        .stderr_has("error: templates/t.txt:1:25: aquí hay `}}`, pero se esperaba un nombre\n");
    c.write("templates/t.txt", "Subject: Hola\n\n{{ city }}\n");
    check_es(&c).failure().stderr_has(
        "error: templates/t.txt:3:4, cliente `Ana`: `city` no está definido para este cliente: su celda está vacía o no existe esa columna; rellénala, o escribe `{{ city | default(value=\"…\") }}` para cuando esté vacía",
    );
}

#[test]
fn a_contact_without_an_address_in_a_vcard_file_is_said_in_spanish() {
    let c = Campaign::with("", TEMPLATE);
    c.write(
        "cartero.toml",
        "[sender]\nname = \"Ana García\"\nemail = \"ana@example.com\"\n\n[campaign]\nclients = \"agenda.vcf\"\ntemplate = \"templates/t.txt\"\n",
    );
    c.write(
        "agenda.vcf",
        "BEGIN:VCARD\nVERSION:4.0\nFN:Ana Ruiz\nEMAIL:ana@example.com\nNOTE:la feria\nEND:VCARD\n\
         BEGIN:VCARD\nVERSION:4.0\nFN:Fontanero Pepe\nTEL:+34 600 000 000\nEND:VCARD\n\
         BEGIN:VCARD\nVERSION:4.0\nFN:Carmen Vidal\nEMAIL:carmen@\nNOTE:el viaje\nEND:VCARD\n",
    );
    check_es(&c)
        .failure()
        .stderr_has("aviso: agenda.vcf: 1 contacto no tiene dirección de correo y se deja fuera: Fontanero Pepe\n")
        .stderr_has("error: agenda.vcf:12, columna `email`, cliente `Carmen Vidal`: `carmen@` no es una dirección de correo válida\n");
}

#[test]
fn the_same_list_still_speaks_english_by_default() {
    let c = Campaign::with("email,name,note\nana@,Ana,la feria\n", TEMPLATE);
    c.run(&["check"]).failure().stderr_has(
        "error: clients.csv:2, column `email`, client `Ana`: `ana@` is not a valid email address\n",
    );
}
