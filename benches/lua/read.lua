-- P2: GETs of $PATHS_FILE's paths in random order with $TOKEN (if set); prints requests/s,
-- p50 and p99 in ms and the count of non-2xx answers.
local paths = {}
local token = os.getenv("TOKEN")

function init(args)
  local f = assert(io.open(os.getenv("PATHS_FILE")))
  for line in f:lines() do table.insert(paths, line) end
  f:close()
  headers = {}
  if token and token ~= "" then headers["Authorization"] = "Bearer " .. token end
  math.randomseed(os.time() + (tonumber(tostring({}):match("0x(%x+)"), 16) or 0) % 100000)
end

function request()
  return wrk.format("GET", paths[math.random(#paths)], headers)
end

function done(summary, latency, requests)
  local secs = summary.duration / 1e6
  io.write(string.format("RESULT %.1f %.2f %.2f %d %d\n", summary.requests / secs,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
