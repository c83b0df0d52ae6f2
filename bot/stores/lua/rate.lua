-- A Slack rate budget shared by every process (GCRA on the caller's clock, so every replica and a
-- test's clock agree). All keys are one workspace's (one hash slot).
-- KEYS[1] the pause key (set after a 429), KEYS[2..] budget keys
-- ARGV[1] now (s); then per budget key: interval (s between calls), burst (calls at once)
-- Returns "0" when every budget had room (each is charged), else the seconds to wait (nothing is
-- charged).
local now = tonumber(ARGV[1])
local paused = tonumber(redis.call('GET', KEYS[1]) or '0')
if paused > now then
  return tostring(paused - now)
end
local wait = 0
local next_tat = {}
for i = 2, #KEYS do
  local interval = tonumber(ARGV[2 * i - 2])
  local burst = tonumber(ARGV[2 * i - 1])
  local tat = math.max(tonumber(redis.call('GET', KEYS[i]) or '0'), now)
  local new_tat = tat + interval
  local over = new_tat - now - burst * interval
  if over > 0 then
    wait = math.max(wait, over)
  end
  next_tat[i] = new_tat
end
if wait > 0 then
  return tostring(wait)
end
for i = 2, #KEYS do
  local ttl = math.ceil(next_tat[i] - now) + 60
  redis.call('SET', KEYS[i], tostring(next_tat[i]), 'EX', ttl)
end
return '0'
