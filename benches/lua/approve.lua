-- P1: each connection approves distinct applications, ids read from $IDS_FILE, split
-- among wrk's threads; a thread stops once its ids are all sent. Counts answers by status.
local ids, threads, counter = {}, {}, 0
local token = os.getenv("TOKEN")
local body = '{"decision":"approve"}'

function setup(thread)
  thread:set("index", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  local f = assert(io.open(os.getenv("IDS_FILE")))
  local all = {}
  for line in f:lines() do table.insert(all, line) end
  f:close()
  local n = tonumber(os.getenv("WRK_THREADS"))
  for i, id in ipairs(all) do
    if (i - 1) % n == index then table.insert(ids, id) end
  end
  sent, ok, exhausted, other = 0, 0, 0, 0
  headers = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }
end

function request()
  sent = sent + 1
  -- Past the end the last id again: an answered 409, never counted as an approval.
  local id = ids[math.min(sent, #ids)]
  return wrk.format("POST", "/v1/permits/" .. id .. "/decisions", headers, body)
end

function response(status, hdrs, b)
  if status == 200 then ok = ok + 1
  elseif status == 422 then exhausted = exhausted + 1
  else other = other + 1 end
  if sent >= #ids then wrk.thread:stop() end
end

function done(summary, latency, requests)
  local o, e, x = 0, 0, 0
  for _, t in ipairs(threads) do
    o = o + t:get("ok"); e = e + t:get("exhausted"); x = x + t:get("other")
  end
  io.write(string.format("RESULT %d %.2f %.2f %d %d %d\n", summary.requests,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, o, e, x))
end
