-- Durable intake: dedupe an event and append it to the work stream, atomically.
-- KEYS[1] dedupe key, KEYS[2] stream; ARGV[1] dedupe ttl (s), ARGV[2] stream maxlen, ARGV[3..] field/value pairs
-- Returns the new entry id, or 0 when the event was already taken in.
if not redis.call('SET', KEYS[1], '1', 'NX', 'EX', tonumber(ARGV[1])) then
  return 0
end
local args = {KEYS[2], 'MAXLEN', '~', ARGV[2], '*'}
for i = 3, #ARGV do
  args[#args + 1] = ARGV[i]
end
return redis.call('XADD', unpack(args))
