# Problemas con su lugar, cabeceras, mensajes, parte personal, campañas, duraciones.

headers-did-you-mean = (¿querías decir `{ $header }:`?)
