-- Should a person's App Home be published now? Only while they have it open (set from
-- app_home_opened), and at most once per debounce period (shared by every process).
-- KEYS[1] open marker, KEYS[2] debounce key; ARGV[1] debounce (ms)
-- Returns 1 (publish now), 0 (closed: never), -1 (open, published a moment ago: later).
if redis.call('EXISTS', KEYS[1]) == 0 then
  return 0
end
if redis.call('SET', KEYS[2], '1', 'NX', 'PX', tonumber(ARGV[1])) then
  return 1
end
return -1
