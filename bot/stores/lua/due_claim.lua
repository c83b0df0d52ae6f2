-- Take threads whose effects are due, pushing their due time past a lease so that no other worker
-- takes them meanwhile (a worker that dies lets them come due again when the lease ends).
-- KEYS[1] due index; ARGV[1] now (s); ARGV[2] lease (s); ARGV[3] at most this many
-- Returns {claimed score, member, member, ...}.
local members = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
local until_ = tonumber(ARGV[1]) + tonumber(ARGV[2])
local out = {tostring(until_)}
for _, m in ipairs(members) do
  redis.call('ZADD', KEYS[1], until_, m)
  out[#out + 1] = m
end
return out
