# Palabras que comparten muchas áreas. Un mensaje por clave; marcadores con nombre `{ $name }`.

clients-count = { $count ->
    [one] 1 cliente
   *[other] { $count } clientes
}
error-prefix = error
error-output-lost = parte de la salida no se pudo escribir ({ $why }): está incompleta
