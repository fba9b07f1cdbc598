-- wrk script of account-server.sh:
--   wrk -t<T> -c<C> -d<s> -s account-server.lua <url> -- <keys file> random|all <T>
-- random: GET /jwt/v1/accounts/<random key of the list> (one key a line);
-- all: each key once (thread i of T asks keys i, i+T, ...), then the thread stops: the "first
-- pass", in which the server reads and verifies each JWT once.
-- Answers other than 200 are counted and printed at the end.
local threads = {}

function setup(thread)
  thread:set("tid", #threads)
  threads[#threads + 1] = thread
end

local keys = {}
local mode = "random"
local step = 1
local pos = 1
local finished = false
bad = 0

function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then keys[#keys + 1] = line end
  end
  mode = args[2] or "random"
  step = tonumber(args[3] or "1")
  pos = tid + 1
  math.randomseed(os.time() * 100 + tid * 7919)
end

function request()
  local key
  if mode == "all" then
    if pos > #keys then
      finished = true
      return wrk.format("GET", "/healthz")
    end
    key = keys[pos]
    pos = pos + step
  else
    key = keys[math.random(#keys)]
  end
  return wrk.format("GET", "/jwt/v1/accounts/" .. key)
end

function response(status, headers, body)
  if status ~= 200 then bad = bad + 1 end
  if finished then wrk.thread:stop() end
end

function done(summary, latency, requests)
  local n = 0
  for _, t in ipairs(threads) do n = n + (t:get("bad") or 0) end
  if n > 0 then io.write(string.format("answers other than 200: %d\n", n)) end
end
