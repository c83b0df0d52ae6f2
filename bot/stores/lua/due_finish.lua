-- A worker finished a thread it took with due_claim.lua: set when it is next due, or drop it.
-- If someone scheduled the thread meanwhile (its score changed), keep the earlier of the two.
-- KEYS[1] due index; ARGV[1] member; ARGV[2] claimed score; ARGV[3] next due (s) or '' for none
local current = redis.call('ZSCORE', KEYS[1], ARGV[1])
if current and tonumber(current) == tonumber(ARGV[2]) then
  if ARGV[3] == '' then
    redis.call('ZREM', KEYS[1], ARGV[1])
  else
    redis.call('ZADD', KEYS[1], tonumber(ARGV[3]), ARGV[1])
  end
  return 1
end
if ARGV[3] ~= '' then
  redis.call('ZADD', KEYS[1], 'LT', tonumber(ARGV[3]), ARGV[1])
end
return 0
