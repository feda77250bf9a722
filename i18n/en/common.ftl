# Words many areas share. One message a key; placeholders named `{ $name }`.

clients-count = { $count ->
    [one] 1 client
   *[other] { $count } clients
}
error-prefix = error
error-output-lost = some of the output could not be written ({ $why }): it is incomplete
