# La ayuda de la línea de órdenes (`--help`, `cartero man`, las compleciones) y los errores de
# uso de clap. Las claves `cli-<ruta de la orden>-about` y `cli-<ruta de la orden>-<argumento>`
# se buscan al ejecutar, a partir del árbol de la línea de órdenes (ver src/cli.rs);
# `cli-global-<argumento>` para las opciones que entienden todas las órdenes.

cli-heading-usage = Uso:
cli-heading-commands = Órdenes:
cli-heading-arguments = Argumentos:
cli-heading-options = Opciones:
# Los marcadores de los valores: `<ARCHIVO>`.
cli-usage-options = [OPCIONES]
cli-value-command = ORDEN
cli-value-file = ARCHIVO
cli-value-dir = CARPETA
cli-value-name = NOMBRE
cli-value-mailbox = REMITENTE
cli-value-lang = IDIOMA
cli-value-email = DIRECCIÓN
cli-value-time = HORA
cli-value-text = TEXTO
cli-global-help = Muestra la ayuda
cli-global-help-more = Muestra la ayuda (con '--help', más detallada)
cli-global-help-summary = Muestra la ayuda (con '-h', un resumen)
cli-global-version = Muestra la versión
cli-help-about = Muestra esta ayuda o la de la orden que indiques
cli-help-subcommand = La orden de la que quieres ver la ayuda
cli-cartero-about = Escribe a cada cliente un correo personal de fin de año
cli-cartero-long-about =
    Escribe a cada cliente un correo personal de fin de año.

    cartero prepara un borrador por cliente a partir de tu lista de clientes y una plantilla, te deja leer y editar cada borrador, y envía solo los que has aprobado, un correo por cliente.
cli-cartero-after-long-help =
    Entorno:
      CARTERO_SMTP_PASSWORD   la contraseña SMTP (si no, `password-command`; si no, te la pide)
      CARTERO_IMAP_PASSWORD   la contraseña o el token IMAP (si no, su `password-command`, la de [smtp], o te la pide)
      VISUAL, EDITOR          el editor que abre `review` con [e]ditar
      NO_COLOR                sin colores

    Códigos de salida: 0 todo bien, 1 un error (o cartas que no salieron), 2 un error de uso.

    Archivos: cartero.toml (la configuración de la campaña), la lista de clientes, templates/,
    drafts/ (un borrador por cliente y journal.jsonl) y el archivo histórico de todas las cartas
    (en la carpeta de datos del sistema, cartero/archive.sqlite3). Nunca se guarda ninguna contraseña.

    Cada orden tiene su propia ayuda: `cartero send --help`.
cli-global-config = El archivo de configuración de la campaña [por defecto: ./cartero.toml, si existe]
cli-global-clients = La lista de clientes: .csv, .xlsx u .ods
cli-global-sheet = La hoja que se lee de una hoja de cálculo [por defecto: la primera]
cli-global-template = La plantilla que recibe cada cliente, salvo que su columna `template` diga otra
cli-global-drafts = La carpeta con los borradores y el diario
cli-global-from = Quién envía los correos, como "Nombre <dirección>"
cli-global-archive = El archivo histórico de todas las cartas enviadas, de todas las campañas [por defecto: en la carpeta de datos del sistema]
cli-global-lang = El idioma en que habla cartero: es o en [por defecto: CARTERO_LANG; si no, el del sistema]
cli-init-about = Crea una carpeta de campaña de ejemplo que ya funciona (nunca sobrescribe un archivo)
cli-init-dir = Dónde crearla [por defecto: la carpeta actual]
cli-init-from-archive = Hace clients.csv con todas las personas a las que ya escribiste (el archivo histórico), con la parte personal del año pasado en `last_note` y una `note` vacía para escribir la de este año
cli-check-about = Lee los clientes y las plantillas, prepara cada correo en memoria y avisa de cada problema
cli-check-connect = Además entra en el servidor SMTP (y en el IMAP, si lo hay) y vuelve a salir, sin enviar nada
cli-preview-about = Escribe un archivo .eml por cliente: exactamente lo que se enviaría
cli-preview-out = La carpeta donde escribir los archivos .eml
cli-draft-about = Escribe un borrador editable por cliente en la carpeta de borradores
cli-review-about = Te enseña cada borrador por decidir, para aprobarlo, editarlo, omitirlo o rechazarlo
cli-send-about = Envía los borradores aprobados, un correo por cliente
cli-send-dry-run = Escribe en --out los archivos .eml que se enviarían, y no envía nada
cli-send-out = Dónde escribe --dry-run [por defecto: <drafts>/dry-run]
cli-send-to-self = Te envía a ti cada borrador aprobado, con el asunto marcado, y no lo anota como enviado
cli-send-limit = Envía como mucho N correos
cli-send-yes = No pide confirmación
cli-send-resend = Vuelve a enviar a este cliente aunque un intento anterior pueda haber llegado (sin confirmar o fallido)
cli-send-arrived = La carta a este cliente, que quedó sin confirmar, llegó (te lo ha dicho): la anota como enviada, guarda su copia en Enviados y no la vuelve a enviar nunca
cli-send-at = Espera hasta esa hora y entonces envía: "2026-12-22 09:00" (tu hora local) o RFC 3339
cli-send-spread = Con `daily-limit` en [smtp]: sigue día tras día hasta enviar todas las cartas aprobadas
cli-status-about = Muestra en qué punto está cada cliente
cli-status-json = Escribe un array JSON en lugar de una tabla
cli-replies-about = Lee tu buzón por IMAP (solo lectura) y anota qué clientes han respondido
cli-history-about = Todas las cartas enviadas a un cliente, del archivo histórico, de la más reciente a la más antigua
cli-history-email = La dirección del cliente
cli-history-json = Escribe un array JSON en lugar de texto
cli-remember-about = Guarda un recuerdo con fecha de un cliente en el archivo histórico, para la carta del año que viene
cli-remember-email = La dirección del cliente
cli-remember-text = Qué recordar, con tus palabras
cli-remember-force = Lo guarda aunque la dirección no esté en ninguna lista de clientes ni en ninguna carta del archivo histórico (sin esto, esa dirección se toma por una errata y se rechaza)
cli-archive-about = El archivo histórico de todas las cartas enviadas
cli-archive-import-about = Añade al archivo histórico las cartas enviadas de una campaña anterior (su carpeta o su carpeta de borradores)
cli-archive-import-dir = La carpeta de la campaña, o su carpeta de borradores
cli-completions-about = Escribe las compleciones de cartero para tu shell (el README explica dónde ponerlas)
cli-completions-shell = bash, zsh, fish, powershell o elvish
cli-man-about = Escribe la página del manual de cartero (roff), para `man`

# Los errores de uso de clap.
cli-error-unknown-argument = no conozco la opción '{ $arg }'
cli-error-unknown-command = no existe la orden '{ $command }'
cli-error-missing = falta lo siguiente, que es obligatorio:
    {"  "}{ $args }
cli-error-invalid-value = el valor '{ $value }' no sirve para '{ $arg }'
cli-error-no-value = '{ $arg }' necesita un valor y no se le ha dado ninguno
cli-error-conflict = '{ $arg }' no se puede usar junto con { $others }
cli-possible-values = [valores posibles: { $values }]
cli-error-similar = consejo: hay una parecida: { $similar }
cli-error-usage = Uso: { $usage }
cli-error-more = Para saber más, prueba '--help'.
cli-value-port = PUERTO
cli-web-about = Abre el escritorio: la carta, el pasado y los recuerdos de cada cliente en una página de este ordenador
cli-web-port = El puerto en 127.0.0.1 [por defecto: uno libre cualquiera]
cli-web-no-open = Solo escribe la dirección; no abre el navegador
