-- wrk: a fresh URL per request (issue 21), so no cache has the page.
-- FRESH=search|filter|date picks the kind; each thread counts from its own
-- offset, so the threads never ask the same URL. Postcodes are read from
-- fixtures/postcode4_gemeenten.csv (then with two letters once used up).
local kind = os.getenv("FRESH") or "search"
local threads = 0
local postcodes = {}
for line in io.lines("fixtures/postcode4_gemeenten.csv") do
  local code = line:match("^(%d%d%d%d),")
  if code and postcodes[#postcodes] ~= code then postcodes[#postcodes + 1] = code end
end

function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end

local n = 0
local letters = "abcdefghijklmnopqrstuvwxyz"

local function letter(i) return letters:sub(i % 26 + 1, i % 26 + 1) end

function request()
  local i = n * 8 + id  -- at most 8 threads
  n = n + 1
  local path
  if kind == "search" then
    local code = postcodes[i % #postcodes + 1]
    local round = math.floor(i / #postcodes)
    if round > 0 then code = code .. "+" .. letter(round) .. letter(math.floor(round / 26)) end
    path = "/zoek/?q=" .. code
  elseif kind == "filter" then
    path = "/organisaties/?q=" .. letter(i) .. letter(math.floor(i / 26)) .. letter(math.floor(i / 676))
  else
    local t = os.time({year = 2000, month = 1, day = 1, hour = 12}) + (i % 9000) * 86400
    path = "/?datum=" .. os.date("%Y-%m-%d", t)
  end
  return wrk.format("GET", path)
end
