"""Foreign names written in Han characters, read back as the letters they transcribe (step 3).

Chinese writes a foreign name (Smolensk, Merkel, Obama) with characters chosen for their sound, one
per syllable of the original, following the Xinhua transcription tables: 斯摩棱斯克 is
s-mo-len-s-k. Read in pinyin, as anyascii reads every Han character, it becomes "simolengsike",
which shares few letters with Smolensk: pinyin writes each character's full syllable, where the
transcription uses 斯 for a lone s, 克 for a lone k, 尔 for r or l, 夫 for the v of -ov, 维 for v.

Here a run of Han characters of which every one is a usual transcription character is read by the
characters' transcription values instead. A run with any other character (毛泽东, 习近平: native
names) is left to pinyin. Where a character stands for l or r alike, its usual value is taken
(拉 la, 罗 ro); a letter off is within what the similarity measures forgive.

>>> transcription_reading("斯摩棱斯克"), transcription_reading("巴拉克·奥巴马")
('smolensk', 'balak·obama')
>>> transcription_reading("默克尔"), transcription_reading("习近平") is None
('mekl', True)
>>> transcription_reading("賽克斯頓"), transcription_reading("舒格蘭")  # traditional characters
('saikston', 'shuglan')
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["syllable_transcription_reading", "transcription_reading", "transcription_readings"]

# Character and Latin value, by pinyin initial. A consonant alone (s, k, t, d, g, b, p, m, f, v,
# ts, z, zh, sh, h) is the value of a character that transcribes a consonant without its vowel.
_TABLE = """
阿 a 埃 e 艾 ai 爱 ai 安 an 昂 an 奥 o 欧 o 鄂 e 厄 e 俄 o 恩 en
巴 ba 拜 bai 班 ban 邦 bon 保 bo 鲍 bo 贝 be 别 be 本 ben 比 bi 彼 pe 宾 bin 波 bo 博 bo 伯 ber
勃 bo 布 b
卑 be 柏 ber 堡 burg
查 cha 车 che 彻 che 楚 chu 茨 ts
达 da 但 dan 戴 dai 丹 dan 道 do 德 d 得 d 登 den 邓 den 迪 di 狄 di 第 di 蒂 ti 丁 din 东 don 杜 du
顿 ton 敦 don 多 do
法 fa 发 fa 凡 van 范 van 菲 fi 斐 fi 费 fe 芬 fin 丰 fon 冯 fon 弗 f 佛 fo 福 fo 富 fu 夫 v
盖 ge 甘 gan 冈 gan 刚 gan 戈 go 果 go 哥 go 格 g 根 gen 贡 gon 古 gu 瓜 gua 圭 gui
哈 ha 诃 kho 海 hai 亥 hai 汉 han 翰 han 罕 han 豪 ho 赫 h 黑 he 荷 ho 亨 hen 洪 hon 侯 ho 胡 hu
华 hua 怀 wai
霍 ho
基 ki 久 gyu 吉 gi 济 ji 治 ji 加 ga 迦 ga 贾 ja 简 jan 捷 je 杰 je 金 kin 居 ju
卡 ka 喀 ka 凯 kai 开 kai 坎 kan 堪 kan 康 kon 考 ko 柯 ko 科 ko 可 ko 克 k 肯 ken 孔 kon 库 ku
夸 kwa
奎 kwi 昆 kun 阔 ko
拉 la 腊 la 莱 le 来 lai 赖 lai 兰 lan 朗 ran 劳 lo 勒 le 雷 re 蕾 le 黎 li 里 li 理 li 利 li 莉 li
丽 li
列 le 廉 liam 棱 len
林 lin 琳 lin 灵 lin 留 lyu 龙 lon 隆 lon 娄 lo 卢 lu 鲁 ru 路 lu 伦 len 仑 lun 罗 ro 洛 lo
马 ma 玛 ma 迈 mai 麦 mai 曼 man 梅 me 门 men 缅 men 蒙 mon 孟 men 米 mi 密 mi 敏 min 明 min 摩 mo
莫 mo
默 me 姆 m 穆 mu 慕 mu
那 na 拿 na 纳 na 娜 na 奈 nai 南 nan 瑙 no 内 ne 尼 ni 妮 ni 涅 nye 聂 nye 宁 nin 纽 nyu 牛 nyu
努 nu 诺 no
帕 pa 潘 pan 庞 pon 佩 pe 彭 pen 皮 pi 珀 po 破 po 坡 po 普 p 浦 pu 葡 pu 蓬 pon
齐 chi 奇 chi 契 chi 恰 cha 乔 jo 切 che 钦 chin 琴 chin 丘 chu 琼 jon
热 je 日 zh 荣 ron
萨 sa 撒 sa 塞 se 赛 sai 桑 san 瑟 se 森 sen 沙 sha 莎 sha 绍 sho 舍 she 申 shen 施 shi 什 sh 士 s
史 s 舒 shu 斯 s 思 s 丝 s 松 son 逊 son 苏 su 索 so
塔 ta 他 ta 泰 tai 坦 tan 汤 tan 唐 don 陶 to 特 t 提 ti 田 ten 汀 tin 廷 tin 通 ton 图 tu 土 tu
托 to 陀 to 妥 to
瓦 va 万 van 旺 van 威 wi 韦 we 维 vi 卫 we 温 win 文 ven 翁 on 沃 vo 乌 u 伍 wu 武 wu 物 ve
西 si 希 hi 锡 si 席 si 夏 sha 肖 sho 谢 she 歇 she 辛 sin 欣 sin 新 sin 星 sin 休 hu 修 syu
雅 ya 牙 ya 亚 ya 娅 ya 扬 yan 耶 ye 叶 ye 伊 i 依 i 因 in 印 in 英 in 尤 yu 犹 yu 于 yu 约 jo
扎 za 泽 ze 詹 jan 佐 zo 朱 ju 兹 z 祖 zu 卓 jo 哲 je 珍 jen 真 jen 芝 chi
"""
_VALUES: dict[str, str] = dict(zip(_TABLE.split()[::2], _TABLE.split()[1::2]))
# 尔 is the r inside a name (卑尔根 Bergen, 瓦尔纳 Varna) and its final l (默克尔 Merkel, 里尔 Lille).
_R_OR_L = "尔"
_VALUES[_R_OR_L] = "r"

# The traditional characters of the table's simplified ones (賽克斯頓 is 赛克斯顿, Sikeston): Taiwan and
# Hong Kong write foreign names with the same characters in their traditional forms.
_SIMPLIFIED = str.maketrans(dict(zip(
    "愛奧歐鮑貝別賓車徹達鄧東頓發費豐馮蓋岡剛貢訶漢華懷濟賈簡傑凱開庫誇闊臘萊來賴蘭勞麗稜靈龍婁盧魯倫侖崙羅馬"
    "瑪邁麥門緬納內聶寧紐諾龐齊喬欽瓊熱榮薩賽紹絲遜蘇湯圖萬韋維衛溫烏錫謝亞婭揚葉猶於約澤茲爾",
    "爱奥欧鲍贝别宾车彻达邓东顿发费丰冯盖冈刚贡诃汉华怀济贾简杰凯开库夸阔腊莱来赖兰劳丽棱灵龙娄卢鲁伦仑仑罗马"
    "玛迈麦门缅纳内聂宁纽诺庞齐乔钦琼热荣萨赛绍丝逊苏汤图万韦维卫温乌锡谢亚娅扬叶犹于约泽兹尔",
)))

_HAN_RUN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
# The dots Chinese puts between the parts of a foreign name (乔·拜登 Joe Biden): with one, a part of
# a single character is a transcription too; alone, one character is more likely a word.
_NAME_DOTS = re.compile("[\u00b7\u2027\u2022\u30fb\uff65]")


def _read_run(run: str, shortest: int) -> str | None:
    run = run.translate(_SIMPLIFIED)
    if len(run) < shortest or not all(char in _VALUES for char in run):
        return None
    return _joined([_VALUES[char] for char in run], ends_in_r_or_l=run[-1] == _R_OR_L)


def _joined(values: list[str], ends_in_r_or_l: bool) -> str:
    """The transcription values of a run of characters as one word."""
    if ends_in_r_or_l:
        values[-1] = "l"
    # A lone consonant opens a word only before l or r, or as an s (斯摩棱斯克 Smolensk, 克拉科夫
    # Krakow); before another consonant it keeps a vowel (德布勒森 Debrecen).
    if len(values) > 1 and not _has_vowel(values[0]) and not _has_vowel(values[1][0]):
        if values[1][0] not in "lr" and values[0] not in ("s", "sh"):
            values[0] += "e"
    return "".join(values)


def _values_by_syllable() -> dict[str, str]:
    """Each pinyin syllable of the table's characters, with the value of its first character (in
    the table's order, the likelier for a foreign name's sound)."""
    from anyascii import anyascii

    values: dict[str, str] = {}
    for char, value in _VALUES.items():
        values.setdefault(anyascii(char).lower(), value)
    return values


_VALUE_OF_SYLLABLE = _values_by_syllable()


def syllable_transcription_reading(tokens: Sequence[str]) -> str | None:
    """A foreign name's Chinese transcription as machine romanisations write it, one pinyin syllable
    a word ("sai en de" for 塞恩德, Sehnde; "pa lao" for 帕劳, Palau), read by the sounds its
    characters transcribe, as ``transcription_reading`` reads the characters ("seend", "palo");
    None unless there are two or more words, each a syllable of a transcription character."""
    if len(tokens) < 2 or not all(token in _VALUE_OF_SYLLABLE for token in tokens):
        return None
    return _joined([_VALUE_OF_SYLLABLE[token] for token in tokens], ends_in_r_or_l=tokens[-1] == "er")


def _has_vowel(value: str) -> bool:
    return any(letter in "aeiouy" for letter in value)


def transcription_reading(text: str) -> str | None:
    """``text`` with each run of transcription characters (two or more, or any in a dotted name)
    read by their values; None when no run is one (a native Chinese name, or no Han characters)."""
    found = False
    shortest = 1 if _NAME_DOTS.search(text) else 2

    def read(match: re.Match[str]) -> str:
        nonlocal found
        reading = _read_run(match.group(), shortest)
        found = found or reading is not None
        return match.group() if reading is None else reading

    out = _HAN_RUN.sub(read, text)
    return out if found else None


def transcription_readings(text: str) -> tuple[str, ...]:
    """The transcription reading of ``text`` and the same with every l written r (Chinese has one
    sound for both: 巴拉克 "balak" and "barak", Barack); () when ``text`` has none."""
    reading = transcription_reading(text)
    if reading is None:
        return ()
    return tuple(dict.fromkeys((reading, reading.replace("l", "r"))))
