-- Take threads whose effects are due, pushing their due time past a lease so that no other worker
-- takes them meanwhile (a worker that dies lets them come due again when the lease ends).
-- KEYS[1] due index; ARGV[1] now (s); ARGV[2] the lease's end (s, computed by the caller, so that
-- it can compare it exactly later); ARGV[3] at most this many
-- Returns the members taken.
local members = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
for _, m in ipairs(members) do
  redis.call('ZADD', KEYS[1], ARGV[2], m)
end
return members
