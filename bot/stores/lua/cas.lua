-- Compare-and-set of a versioned JSON document with a TTL.
-- KEYS[1] document key; ARGV[1] expected version (0 = must not exist), ARGV[2] new JSON, ARGV[3] ttl (s)
-- Returns the new version, or -1 when someone else wrote first.
local current = tonumber(redis.call('HGET', KEYS[1], 'v') or '0')
if current ~= tonumber(ARGV[1]) then
  return -1
end
redis.call('HSET', KEYS[1], 'v', current + 1, 'doc', ARGV[2])
redis.call('EXPIRE', KEYS[1], tonumber(ARGV[3]))
return current + 1
