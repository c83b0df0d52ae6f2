-- One slot for a new post into a channel, on the caller's clock (so every replica agrees and a
-- test's clock drives it). KEYS[1] slot key; ARGV[1] now (s), ARGV[2] spacing (s).
-- Returns "0" when the slot is taken now, else the seconds until it frees.
local now = tonumber(ARGV[1])
local spacing = tonumber(ARGV[2])
local free_at = tonumber(redis.call('GET', KEYS[1]) or '0')
if free_at > now then
  return tostring(free_at - now)
end
redis.call('SET', KEYS[1], tostring(now + spacing), 'EX', math.max(1, math.ceil(spacing) + 60))
return '0'
