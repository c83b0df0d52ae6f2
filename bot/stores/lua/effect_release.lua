-- Hand an effect's lease back (only the holder's own lease; a done-marker is never removed).
-- KEYS[1] effect key; ARGV[1] lease token. Returns 1 when released.
if redis.call('GET', KEYS[1]) == 'L:' .. ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
