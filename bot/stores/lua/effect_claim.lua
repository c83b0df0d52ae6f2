-- Claim one effect for sending: take a lease unless it is leased by someone else or already done.
-- KEYS[1] effect key; ARGV[1] lease token (unique per attempt); ARGV[2] lease length (ms)
-- Returns {'claimed'}, {'busy', <ms left on the other lease>} or {'done', <receipt json>}.
local v = redis.call('GET', KEYS[1])
if not v then
  redis.call('SET', KEYS[1], 'L:' .. ARGV[1], 'PX', tonumber(ARGV[2]))
  return {'claimed'}
end
if string.sub(v, 1, 2) == 'D:' then
  return {'done', string.sub(v, 3)}
end
return {'busy', tostring(redis.call('PTTL', KEYS[1]))}
