## 产品名称。其他所有文件均引用这些术语。
## 商品名保持不变；药物通用名使用正式中文译名。

-brand = Olumiant
-drug = 巴瑞替尼
-methotrexate = 甲氨蝶呤
