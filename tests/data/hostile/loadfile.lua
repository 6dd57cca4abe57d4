return loadfile("reports/yanjin-commerce-2024.lua")()
