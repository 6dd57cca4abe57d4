-- 本县的格式方案：在国家标准（gbt9704）的基础上改小标题
return {
  name = "bendi",
  base = "gbt9704",          -- 没写的字段（text 标点和空格处理、amount 两位小数等）沿用国家标准
  heading = function(level, n, title)
    -- level 1：六个部分的标题；level 2：总体情况下的小标题。返回 nil 表示不改
    if level == 1 and n == 5 then return "五、存在的主要问题及改进措施" end
    if level == 2 then return "（" .. require("nianbao").numeral(n) .. "）" .. title .. "情况" end
    return nil
  end,
}
