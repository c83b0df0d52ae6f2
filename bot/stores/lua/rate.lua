-- A Slack rate budget shared by every process (GCRA on the caller's clock, so every replica and a
-- test's clock agree). All keys are one workspace's (one hash slot).
-- KEYS[1] the pause key (set after a 429), KEYS[2] the tickets hash, KEYS[3..] budget keys
-- ARGV[1] now (s), ARGV[2] ticket ('' = none); then per budget key: name, interval (s between
-- calls), burst (calls at once)
-- Returns "0" when the call may go now (every budget charged), else the seconds to wait.
-- With a ticket, a call that has to wait keeps its place: its slot in every budget is reserved
-- under the ticket, and when it comes back at that time it goes (bursts queue in order).
-- Without one, nothing is charged when it has to wait.
-- A one-at-a-time budget (burst 1: a channel's posts) also keeps its interval after the last call
-- that actually went ('<name>|last' in the tickets hash): a call that comes back late for its slot
-- delays the next one instead of landing less than an interval before it.
local now = tonumber(ARGV[1])
local ticket = ARGV[2]
local paused = tonumber(redis.call('GET', KEYS[1]) or '0')
if paused > now then
  return tostring(paused - now)
end
local latest = now
local charge = {}
for i = 3, #KEYS do
  local base = 3 * (i - 3) + 3
  local name = ARGV[base]
  local interval = tonumber(ARGV[base + 1])
  local burst = tonumber(ARGV[base + 2])
  local held = nil
  if ticket ~= '' then
    held = redis.call('HGET', KEYS[2], name .. '|' .. ticket)
  end
  if burst == 1 then
    local last = tonumber(redis.call('HGET', KEYS[2], name .. '|last') or '-1e18')
    latest = math.max(latest, last + interval)
  end
  if held then
    latest = math.max(latest, tonumber(held))
  else
    local tat = math.max(tonumber(redis.call('GET', KEYS[i]) or '0'), now)
    local new_tat = tat + interval
    local slot = math.max(now, new_tat - burst * interval)
    latest = math.max(latest, slot)
    charge[#charge + 1] = {KEYS[i], new_tat, name, slot}
  end
end
local wait = latest - now
if wait > 0.001 and ticket == '' then
  return tostring(wait)
end
for _, c in ipairs(charge) do
  redis.call('SET', c[1], tostring(c[2]), 'EX', math.ceil(c[2] - now) + 60)
end
if wait > 0.001 then
  for _, c in ipairs(charge) do
    redis.call('HSET', KEYS[2], c[3] .. '|' .. ticket, tostring(c[4]))
  end
  redis.call('EXPIRE', KEYS[2], math.ceil(wait) + 600)
  return tostring(wait)
end
if ticket ~= '' then
  for i = 3, #KEYS do
    redis.call('HDEL', KEYS[2], ARGV[3 * (i - 3) + 3] .. '|' .. ticket)
  end
end
local went = false
for i = 3, #KEYS do
  local base = 3 * (i - 3) + 3
  if tonumber(ARGV[base + 2]) == 1 then
    redis.call('HSET', KEYS[2], ARGV[base] .. '|last', tostring(now))
    went = true
  end
end
if went and redis.call('TTL', KEYS[2]) < 0 then
  redis.call('EXPIRE', KEYS[2], 600)
end
return '0'
