# Leer la lista de clientes: CSV, hojas de cálculo, vCard, exportaciones de Google y Outlook.

table-list-unreadable = no se pudo leer la lista de clientes `{ $file }`: { $why }
table-csv-has-no-sheets = se pidió la hoja `{ $sheet }`, pero este es un archivo CSV, que no tiene hojas: se ignora ese ajuste
table-sheet-empty-file = no se pudo leer `{ $file }` como hoja de cálculo: el archivo está vacío (0 bytes): vuelve a guardar el libro desde Excel o LibreOffice
table-sheet-unreadable = no se pudo leer `{ $file }` como hoja de cálculo: { $why }
table-list-hint = indica `--clients ARCHIVO` o pon `clients` en cartero.toml
table-list-missing = no se pudo leer la lista de clientes `{ $file }`: ese archivo no existe: { $hint }
table-list-is-folder-of-lists = no se pudo leer la lista de clientes `{ $file }`: es una carpeta, no un archivo; contiene { $lists }: indica la lista misma, por ejemplo `--clients { $first }`
table-list-is-folder = no se pudo leer la lista de clientes `{ $file }`: es una carpeta, no un archivo: { $hint }
table-list-read-failed = no se pudo leer la lista de clientes `{ $file }`
table-a-pdf = un documento PDF
table-a-png = una imagen PNG
table-a-jpeg = una imagen JPEG
table-a-gif = una imagen GIF
table-not-text = no es ni una hoja de cálculo ni texto (tiene bytes que ningún texto tiene): indica la lista de clientes misma, guardada desde Excel como .xlsx o CSV UTF-8
table-not-a-list = es { $what }, no una lista de clientes: indica la lista misma, guardada desde Excel como .xlsx o CSV UTF-8
table-html-as-workbook = es una página web (HTML) con nombre de hoja de cálculo, como exportan algunos programas los archivos «de Excel»: ábrela en Excel o LibreOffice y guárdala como .xlsx
table-csv-as-workbook = no es un libro de hoja de cálculo sino texto CSV: cámbiale el nombre a `{ $renamed }`
table-text-as-workbook = no es un libro de hoja de cálculo sino texto sin formato: si es la lista en CSV, cámbiale el nombre a `{ $renamed }`; si no, guarda la lista desde Excel como .xlsx
table-workbook-as-csv = esto es un libro de hoja de cálculo (.{ $ext }), no texto CSV: cámbiale el nombre a `{ $renamed }`
table-zip-as-csv = esto es un archivo zip, no texto CSV: descomprímelo, o guarda la lista desde Excel como CSV UTF-8
table-locked-workbook-as-csv = esto es un libro de Excel protegido con contraseña, no texto CSV: ábrelo en Excel, quita la contraseña (Archivo > Información > Proteger libro) y guárdalo como CSV UTF-8 o .xlsx
table-xls-as-csv = esto es un libro de Excel antiguo (.xls), no texto CSV: cámbiale el nombre a `{ $renamed }`
table-vcard-unended = esta tarjeta no tiene `END:VCARD`: se leyó hasta la tarjeta siguiente (o hasta el final del archivo); revisa ese contacto en tu libreta de direcciones
table-export-vcard = un archivo vCard
table-export-google = una exportación de Google Contactos
table-export-outlook = una exportación de Outlook
table-nul-bytes = esta línea tiene bytes NUL, que un texto CSV nunca tiene: el archivo no es texto CSV o está dañado; ábrelo en Excel o LibreOffice y guárdalo como CSV UTF-8
table-legacy-encoding = el archivo no está guardado en UTF-8; se leyó como { $encoding } (como guardan el CSV las versiones antiguas de Excel): si las tildes se ven mal, guárdalo como CSV UTF-8
table-utf16-without-bom = el archivo es texto { $encoding } sin marca de orden de bytes; se leyó como tal: para ir sobre seguro, guárdalo como CSV UTF-8
table-line-not-utf8 = esta línea no está en UTF-8 como el resto del archivo; se leyó como Windows-1252: si no es correcto, corrígela ahí y guarda el archivo como CSV UTF-8
table-line-not-utf8-words = esta línea no está en UTF-8 como el resto del archivo; se leyó como Windows-1252 ({ $words }): si no es correcto, corrígela ahí y guarda el archivo como CSV UTF-8
table-unclosed-quote = unas comillas `"` abiertas en esta línea no se cierran nunca, así que el resto del archivo se lee como una sola celda: ciérralas o quítalas
table-bad-csv-line = esta línea no se puede leer como CSV: { $why }
table-header-control-characters = el nombre de la columna tiene caracteres de control invisibles; se ignoran
table-unnamed-column = la columna { $column } no tiene nombre en la primera línea, así que lo que hay debajo ({ $cells ->
        [one] 1 celda
       *[other] { $cells } celdas
    }) no va a ninguna carta: ponle nombre (como `note` o `city`) o borra la columna
table-sheet-password = no se pudo leer `{ $file }`: está protegido con contraseña: ábrelo en Excel, quita la contraseña (Archivo > Información > Proteger libro > Cifrar con contraseña, y bórrala), guárdalo y vuelve a intentarlo
table-sheet-damaged = no se pudo leer `{ $file }` como hoja de cálculo: está dañado o no es una hoja de cálculo: ábrelo en Excel o LibreOffice y vuelve a guardarlo como .xlsx, o guarda la lista como CSV UTF-8
table-sheet-damaged-sheet = no se pudo leer la hoja `{ $sheet }` de `{ $file }`: está dañada: abre el archivo en Excel o LibreOffice y vuelve a guardarlo
table-no-such-sheet-close = `{ $file }` no tiene la hoja `{ $sheet }`; sus hojas son: { $sheets }; ¿querías decir `{ $close }`? (el nombre debe coincidir exactamente)
table-no-such-sheet = `{ $file }` no tiene la hoja `{ $sheet }`; sus hojas son: { $sheets }: indica una de ellas con `--sheet`, o pon `sheet` en cartero.toml
table-no-sheets = `{ $file }` no tiene hojas: ábrelo en Excel o LibreOffice, pon la lista en una hoja y guárdalo
table-first-sheet-empty-other = la primera hoja, `{ $sheet }`, está vacía; puede que la lista esté en la hoja `{ $other }`: indica `--sheet "{ $other }"` (o pon `sheet` en cartero.toml), o mueve la lista a la primera hoja
table-first-sheet-empty = la primera hoja, `{ $sheet }`, está vacía: su primera fila debe nombrar las columnas, como `email`, `name`, `note`
table-sheet-empty = la hoja `{ $sheet }` está vacía: su primera fila debe nombrar las columnas, como `email`, `name`, `note`
table-column-letters = columna { $letters }
table-merged-in-a-row = las celdas { $first }–{ $last } están combinadas; solo la primera ({ $kept }) tiene el valor, así que { $others } { $count ->
        [one] se lee vacía
       *[other] se leen vacías
    }: separa las celdas en la hoja de cálculo y rellena cada una
table-merged-across-rows = las celdas { $first }–{ $last } están combinadas; solo la primera ({ $first }) tiene el valor, las demás se leen vacías ({ $rows } de { $columns }): separa las celdas en la hoja de cálculo y rellena cada una
table-merged-row = fila { $row }
table-merged-rows = filas { $first }–{ $last }
table-cell-error = una celda tiene el error de hoja de cálculo { $error }; se lee vacía
table-contact-on-line = línea { $line }
table-contact-on-row = fila { $row }
table-contact-nameless = un contacto sin nombre
table-contacts-sharing = { $one } ({ $address }) y { $other } (su carta va a { $theirs })
table-contacts-share-an-address = estos contactos comparten una dirección, así que una persona podría recibir dos cartas: { $contacts }: si son la misma persona, deja un solo contacto (o elige una sola dirección para los dos)
table-contact-addresses = { $contact } ({ $chosen }, no { $others })
table-contacts-without-address = { $count ->
        [one] 1 contacto no tiene dirección de correo y se deja fuera
       *[other] { $count } contactos no tienen dirección de correo y se dejan fuera
    }: { $contacts }
table-contacts-without-name = { $count ->
        [one] 1 contacto tiene dirección pero no nombre, así que ninguna carta podría saludarlo, y se deja fuera
       *[other] { $count } contactos tienen dirección pero no nombre, así que ninguna carta podría saludarlos, y se dejan fuera
    }: { $contacts }: ponles nombre en tus contactos para escribirles
table-contacts-with-several-addresses = { $count ->
        [one] 1 contacto tiene
       *[other] { $count } contactos tienen
    } varias direcciones de correo; cada carta va a la preferida (o, si no, a la primera): { $contacts }
