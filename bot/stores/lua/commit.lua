-- Commit one thread's share of a batch, atomically: its document (compare-and-set), its next due
-- time in the shard's due index, then its intake entries acknowledged and deleted. All keys live
-- in the shard's hash slot.
-- KEYS[1] document, KEYS[2] due index, KEYS[3] intake stream
-- ARGV[1] expected version ('' = leave the document as it is), ARGV[2] new JSON, ARGV[3] ttl (s),
-- ARGV[4] due member, ARGV[5] due score ('' = none), ARGV[6] due index ttl (s),
-- ARGV[7] consumer group, ARGV[8..] entry ids
-- Returns the new version (0 when the document was left as it is), or -1 when someone else wrote
-- first (then nothing was written and nothing acknowledged).
local version = 0
if ARGV[1] ~= '' then
  local current = tonumber(redis.call('HGET', KEYS[1], 'v') or '0')
  if current ~= tonumber(ARGV[1]) then
    return -1
  end
  version = current + 1
  redis.call('HSET', KEYS[1], 'v', version, 'doc', ARGV[2])
  redis.call('EXPIRE', KEYS[1], tonumber(ARGV[3]))
end
if ARGV[5] ~= '' then
  redis.call('ZADD', KEYS[2], 'LT', ARGV[5], ARGV[4])
  redis.call('EXPIRE', KEYS[2], tonumber(ARGV[6]))
end
if #ARGV >= 8 then
  redis.call('XACK', KEYS[3], ARGV[7], unpack(ARGV, 8))
  redis.call('XDEL', KEYS[3], unpack(ARGV, 8))
end
return version
