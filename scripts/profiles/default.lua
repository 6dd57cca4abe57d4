-- The default profile: the text exactly as written in the data file, the renderer's own
-- headings, title and number style. `nianbao render` without --profile behaves the same.
return { name = "default", describe = "按数据文件原样输出" }
