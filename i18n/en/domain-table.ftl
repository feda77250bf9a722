# Reading the client list: CSV, spreadsheets, vCard, Google and Outlook exports.

table-list-unreadable = failed to read the client list `{ $file }`: { $why }
table-csv-has-no-sheets = sheet `{ $sheet }` was asked for, but this is a CSV file, which has no sheets: the setting is ignored
table-sheet-empty-file = failed to read `{ $file }` as a spreadsheet: the file is empty (0 bytes): save the workbook again from Excel or LibreOffice
table-sheet-unreadable = failed to read `{ $file }` as a spreadsheet: { $why }
table-list-hint = pass `--clients FILE` or set `clients` in cartero.toml
table-list-missing = failed to read the client list `{ $file }`: there is no such file: { $hint }
table-list-is-folder-of-lists = failed to read the client list `{ $file }`: it is a folder, not a file; it holds { $lists }: pass the list itself, such as `--clients { $first }`
table-list-is-folder = failed to read the client list `{ $file }`: it is a folder, not a file: { $hint }
table-list-read-failed = failed to read the client list `{ $file }`
table-a-pdf = a PDF document
table-a-png = a PNG picture
table-a-jpeg = a JPEG picture
table-a-gif = a GIF picture
table-not-text = it is neither a spreadsheet nor text (it holds bytes no text has): pass the client list itself, saved from Excel as .xlsx or CSV UTF-8
table-not-a-list = it is { $what }, not a client list: pass the list itself, saved from Excel as .xlsx or CSV UTF-8
table-html-as-workbook = it is a web page (HTML) with a spreadsheet's name, as some programs export "Excel" files: open it in Excel or LibreOffice and save it as .xlsx
table-csv-as-workbook = it is not a workbook but CSV text: rename it to `{ $renamed }`
table-text-as-workbook = it is not a workbook but plain text: if it is the list as CSV, rename it to `{ $renamed }`; if not, save the list from Excel as .xlsx
table-workbook-as-csv = this is a spreadsheet workbook (.{ $ext }), not CSV text: rename it to `{ $renamed }`
table-zip-as-csv = this is a zip archive, not CSV text: unpack it, or save the list from Excel as CSV UTF-8
table-locked-workbook-as-csv = this is an Excel workbook protected with a password, not CSV text: open it in Excel, remove the password (File > Info > Protect Workbook), and save it as CSV UTF-8 or .xlsx
table-xls-as-csv = this is an old Excel workbook (.xls), not CSV text: rename it to `{ $renamed }`
table-vcard-unended = this card has no `END:VCARD`: it was read up to the next card (or the end of the file); check that contact in your address book
table-export-vcard = a vCard file
table-export-google = a Google Contacts export
table-export-outlook = an Outlook export
table-nul-bytes = this line holds NUL bytes, which CSV text never has: the file is not CSV text or is damaged; open it in Excel or LibreOffice and save it as CSV UTF-8
table-legacy-encoding = the file is not saved as UTF-8; it was read as { $encoding } (as older Excel saves CSV): if accented letters look wrong, save it as CSV UTF-8
table-utf16-without-bom = the file is { $encoding } text without a byte-order mark; it was read as such: to be sure, save it as CSV UTF-8
table-line-not-utf8 = this line is not UTF-8 like the rest of the file; it was read as Windows-1252: if that is wrong, fix it there, and save the file as CSV UTF-8
table-line-not-utf8-words = this line is not UTF-8 like the rest of the file; it was read as Windows-1252 ({ $words }): if that is wrong, fix it there, and save the file as CSV UTF-8
table-unclosed-quote = a quote `"` opened on this line is never closed, so the rest of the file reads as one cell: close it, or remove it
table-bad-csv-line = this line cannot be read as CSV: { $why }
table-header-control-characters = the column name holds invisible control characters; they are ignored
table-unnamed-column = column { $column } has no name in the first line, so what is below it ({ $cells ->
        [one] 1 cell
       *[other] { $cells } cells
    }) goes into no letter: name it (such as `note` or `city`), or delete the column
table-sheet-password = failed to read `{ $file }`: it is protected with a password: open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password, and clear it), save, and try again
table-sheet-damaged = failed to read `{ $file }` as a spreadsheet: it is damaged or not a spreadsheet: open it in Excel or LibreOffice and save it again as .xlsx, or save the list as CSV UTF-8
table-sheet-damaged-sheet = failed to read sheet `{ $sheet }` of `{ $file }`: it is damaged: open the file in Excel or LibreOffice and save it again
table-no-such-sheet-close = `{ $file }` has no sheet `{ $sheet }`; its sheets are: { $sheets }; did you mean `{ $close }`? (the name must match exactly)
table-no-such-sheet = `{ $file }` has no sheet `{ $sheet }`; its sheets are: { $sheets }: pass one of them with `--sheet`, or set `sheet` in cartero.toml
table-no-sheets = `{ $file }` has no sheets: open it in Excel or LibreOffice, put the list on a sheet, and save it
table-first-sheet-empty-other = the first sheet, `{ $sheet }`, is empty; the list may be on sheet `{ $other }`: pass `--sheet "{ $other }"` (or set `sheet` in cartero.toml), or move the list to the first sheet
table-first-sheet-empty = the first sheet, `{ $sheet }`, is empty: its first row must name the columns, such as `email`, `name`, `note`
table-sheet-empty = sheet `{ $sheet }` is empty: its first row must name the columns, such as `email`, `name`, `note`
table-column-letters = column { $letters }
table-merged-in-a-row = cells { $first }–{ $last } are merged; only the first ({ $kept }) holds the value, so { $others } { $count ->
        [one] is
       *[other] are
    } read as empty: unmerge them in the spreadsheet and fill each cell
table-merged-across-rows = cells { $first }–{ $last } are merged; only the first ({ $first }) holds the value, the others are read as empty ({ $rows } of { $columns }): unmerge them in the spreadsheet and fill each cell
table-merged-row = row { $row }
table-merged-rows = rows { $first }–{ $last }
table-cell-error = a cell holds the spreadsheet error { $error }; it is read as empty
table-contact-on-line = line { $line }
table-contact-on-row = row { $row }
table-contact-nameless = a contact with no name
table-contacts-sharing = { $one } ({ $address }) and { $other } (written to at { $theirs })
table-contacts-share-an-address = these contacts share an address, so one person may get two letters: { $contacts }: if they are one person, keep one contact (or choose one address for both)
table-contact-addresses = { $contact } ({ $chosen }, not { $others })
table-contacts-without-address = { $count ->
        [one] 1 contact has no email address and is left out
       *[other] { $count } contacts have no email address and are left out
    }: { $contacts }
table-contacts-without-name = { $count ->
        [one] 1 contact has an address but no name, so no letter could greet them, and is left out
       *[other] { $count } contacts have an address but no name, so no letter could greet them, and are left out
    }: { $contacts }: give them a name in your contacts to write to them
table-contacts-with-several-addresses = { $count ->
        [one] 1 contact has
       *[other] { $count } contacts have
    } several email addresses; each letter goes to the preferred one (or else the first): { $contacts }
