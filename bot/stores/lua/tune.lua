-- Compare-and-set of a channel's tuning, its change list and the answer's once-key, together.
-- KEYS[1] tuning document (hash: v, doc), KEYS[2] change list, KEYS[3] the answer's once-key
-- ARGV[1] expected version (0 = must not exist), ARGV[2] new JSON ('' = unchanged), ARGV[3] ttl (s),
-- ARGV[4] changes kept, ARGV[5] once-key ttl (s; 0 = no once-key), ARGV[6..] change JSONs to append
-- Returns the version now stored, -1 when someone else wrote first, -2 when the answer was
-- already learned from.
local once_ttl = tonumber(ARGV[5])
if once_ttl > 0 and redis.call('EXISTS', KEYS[3]) == 1 then
  return -2
end
local current = tonumber(redis.call('HGET', KEYS[1], 'v') or '0')
if current ~= tonumber(ARGV[1]) then
  return -1
end
if once_ttl > 0 then
  redis.call('SET', KEYS[3], '1', 'EX', once_ttl)
end
local ttl = tonumber(ARGV[3])
if ARGV[2] ~= '' then
  current = current + 1
  redis.call('HSET', KEYS[1], 'v', current, 'doc', ARGV[2])
  redis.call('EXPIRE', KEYS[1], ttl)
end
if #ARGV > 5 then
  for i = 6, #ARGV do
    redis.call('LPUSH', KEYS[2], ARGV[i])
  end
  redis.call('LTRIM', KEYS[2], 0, tonumber(ARGV[4]) - 1)
  redis.call('EXPIRE', KEYS[2], ttl)
end
return current
