# Problems with their places, headers, messages, personal share, campaigns, durations.

headers-did-you-mean = (did you mean `{ $header }:`?)
