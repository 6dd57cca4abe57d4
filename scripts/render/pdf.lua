-- PDF through an installed engine, as pandoc does with --pdf-engine: LibreOffice converts the
-- .docx of render/docx.lua (the default: GB/T 9704 page, fonts and page numbers "— 1 —"), or
-- headless Chromium prints the page of render/html.lua (its A4 print stylesheet, whose margin
-- box adds the page numbers). The engine runs in a temporary folder that is removed afterwards;
-- the PDF comes back as a string and the render command writes it atomically.
--
-- For Chinese glyphs instead of boxes the machine needs CJK fonts (Debian fonts-noto-cjk);
-- templates/pdf/fonts.conf maps the official font names (仿宋_GB2312, 黑体 ...) to them; it is
-- given to LibreOffice unless the user set FONTCONFIG_FILE (Linux; Windows has the fonts).
local nb = require "nianbao"
local lfs = require "lfs"

local M = { name = "pdf", extension = "pdf" }

-- windows: the programs and the folders under %ProgramFiles%, %ProgramFiles(x86)% and
-- %LOCALAPPDATA% where their installers put them (Edge comes with Windows 10 and 11)
M.ENGINES = {
  libreoffice = { programs = { "soffice", "libreoffice" }, package = "libreoffice-writer-nogui", source = "docx",
    windows = { programs = { "soffice.exe" }, folders = { "LibreOffice\\program" } } },
  chromium = { programs = { "chromium", "chromium-browser", "google-chrome" }, package = "chromium", source = "html",
    windows = { programs = { "chrome.exe", "msedge.exe" },
      folders = { "Google\\Chrome\\Application", "Microsoft\\Edge\\Application" } } },
}
M.ORDER = { "libreoffice", "chromium" } -- tried in this order when no engine is named

-- on Windows (package.config starts with the directory separator) os.execute runs cmd.exe
local WINDOWS = package.config:sub(1, 1) == "\\"
M.WINDOWS_BASES = { "ProgramFiles", "ProgramFiles(x86)", "ProgramW6432", "LOCALAPPDATA" }

-- a Windows path cannot contain '"', so double quotes are enough for cmd.exe
local function quote(s)
  if WINDOWS then return '"' .. tostring(s) .. '"' end
  return "'" .. tostring(s):gsub("'", "'\\''") .. "'"
end

local SEP = WINDOWS and "\\" or "/" -- for the paths handed to cmd.exe and the engine

local function is_file(path) return lfs.attributes(path, "mode") == "file" end

--- The full path of the first of these programs found along PATH (on Windows, then in the
--- usual install folders), or nil.
local function program(e)
  if not WINDOWS then
    for dir in (os.getenv("PATH") or ""):gmatch("[^:]+") do
      for _, name in ipairs(e.programs) do
        local path = dir .. "/" .. name
        if is_file(path) then return path end
      end
    end
    return nil
  end
  for _, name in ipairs(e.windows.programs) do
    for dir in (os.getenv("PATH") or ""):gmatch("[^;]+") do
      local path = dir:gsub('"', ""):gsub("\\$", "") .. "\\" .. name
      if is_file(path) then return path end
    end
    for _, base in ipairs(M.WINDOWS_BASES) do
      local root = os.getenv(base)
      for _, folder in ipairs(root and e.windows.folders or {}) do
        local path = root .. "\\" .. folder .. "\\" .. name
        if is_file(path) then return path end
      end
    end
  end
end

--- file:// URL of a local path (Windows: file:///C:/..., bytes outside ASCII escaped)
local function file_url(path)
  if not WINDOWS then return "file://" .. path end
  return "file:///" .. path:gsub("\\", "/"):gsub("[^%w%-%._~/:]", function(c)
    return string.format("%%%02X", c:byte())
  end)
end

-- what a Windows user installs, and where nianbao looks (render -f pdf without an engine)
local WINDOWS_HINT = "LibreOffice（推荐，带页码；https://zh-cn.libreoffice.org）或 Microsoft Edge / "
  .. "Google Chrome 浏览器（Windows 10、11 自带 Edge）。nianbao 在 PATH 中的文件夹和常用安装位置"
  .. "（%ProgramFiles%\\LibreOffice\\program、%ProgramFiles(x86)%\\Microsoft\\Edge\\Application、"
  .. "%ProgramFiles%\\Google\\Chrome\\Application 等）查找 soffice.exe、msedge.exe、chrome.exe；"
  .. "装在别处时，把其所在文件夹加入 PATH"

local function names()
  local out = {}
  for _, n in ipairs(M.ORDER) do out[#out + 1] = n end
  return table.concat(out, "、")
end

--- The engine to use: name (nil: the first installed of M.ORDER) -> { name, path, ... }, or
--- nil and a message naming the Debian package to install.
function M.engine(name)
  if name then
    local e = M.ENGINES[name]
    if not e then
      return nil, string.format("未知的 PDF 引擎“%s”（可用：%s）", tostring(name), names())
    end
    local path = program(e)
    if not path and WINDOWS then
      return nil, string.format("找不到 PDF 引擎 %s（%s）：请安装 %s", name,
        table.concat(e.windows.programs, "、"), WINDOWS_HINT)
    end
    if not path then
      return nil, string.format("找不到 PDF 引擎 %s（%s）：请安装 Debian 软件包 %s（apt-get install %s）",
        name, table.concat(e.programs, "、"), e.package, e.package)
    end
    return { name = name, path = path, source = e.source }
  end
  for _, n in ipairs(M.ORDER) do
    local e = M.ENGINES[n]
    local path = program(e)
    if path then return { name = n, path = path, source = e.source } end
  end
  if WINDOWS then return nil, "找不到 PDF 引擎：请安装 " .. WINDOWS_HINT end
  return nil, string.format("找不到 PDF 引擎：请安装 Debian 软件包 %s（推荐，apt-get install %s）或 %s，"
    .. "并安装中文字体 fonts-noto-cjk", M.ENGINES.libreoffice.package, M.ENGINES.libreoffice.package,
    M.ENGINES.chromium.package)
end

--- For the render command: can this run produce a PDF? (nil, message when not)
function M.usable(opts)
  local e, err = M.engine(opts and opts.pdf_engine)
  if not e then return nil, err end
  return true
end

local function read_all(path)
  local f = io.open(path, "rb")
  if not f then return nil end
  local s = f:read("a")
  f:close()
  return s
end

local function temp_dir()
  local name = os.tmpname() -- creates an empty file: replace it by a folder of that name
  os.remove(name)
  -- msvcrt's tmpnam names the drive's root ("\\s1."), where a clerk may not write
  if WINDOWS then name = (os.getenv("TEMP") or os.getenv("TMP") or ".") .. name:gsub("%.$", "") end
  assert(lfs.mkdir(name), "无法创建临时文件夹 " .. name)
  return name
end

local function command(engine, dir, input)
  if engine.name == "libreoffice" then
    -- a profile of its own: a running LibreOffice of the user's, or another conversion at the
    -- same time, would otherwise take the job or lock the profile
    return string.format("%s --headless --norestore --nolockcheck %s --convert-to pdf --outdir %s %s",
      quote(engine.path), quote("-env:UserInstallation=" .. file_url(dir .. SEP .. "profile")), quote(dir), quote(input))
  end
  -- the page is our own static HTML without scripts; the sandbox cannot start as root
  return string.format("%s --headless --no-sandbox --disable-gpu --no-pdf-header-footer "
    .. "--disable-background-networking --disable-component-update --disable-sync %s %s %s",
    quote(engine.path), quote("--user-data-dir=" .. dir .. SEP .. "profile"), quote("--print-to-pdf=" .. dir .. SEP .. "report.pdf"),
    quote(file_url(input)))
end

function M.render(report, findings, opts)
  opts = opts or {}
  local engine, err = M.engine(opts.pdf_engine)
  if not engine then return nil, err end
  local source = nb.render(report, engine.source, opts)
  local dir = temp_dir()
  local input = dir .. SEP .. "report." .. engine.source
  local ok, why = nb.write_file(input, source)
  local pdf
  if ok then
    local log = dir .. SEP .. "engine.log"
    local cmd = command(engine, dir, input) .. " >" .. quote(log) .. " 2>&1 <" .. (WINDOWS and "NUL" or "/dev/null")
    if engine.name == "libreoffice" and not WINDOWS and not os.getenv("FONTCONFIG_FILE") then
      local fonts = dir .. SEP .. "fonts.conf"
      if nb.write_file(fonts, nb.template("pdf/fonts.conf")) then cmd = "FONTCONFIG_FILE=" .. quote(fonts) .. " " .. cmd end
    end
    -- cmd.exe /c drops the first and the last quote of a line that starts with one
    os.execute(WINDOWS and '"' .. cmd .. '"' or cmd)
    pdf = read_all(dir .. SEP .. "report.pdf")
    if not pdf or pdf:sub(1, 5) ~= "%PDF-" then
      why = string.format("PDF 引擎 %s（%s）没有生成 PDF：%s", engine.name, engine.path,
        ((read_all(log) or ""):gsub("%s+$", ""):sub(-600)))
      pdf = nil
    end
  end
  os.execute((WINDOWS and "rmdir /s /q " or "rm -rf ") .. quote(dir))
  if not pdf then return nil, why end -- the engine failed, not this script: nil, message
  return pdf
end

return M
