#!/usr/bin/python3
"""Writes a large JSON Lines population for rules/hengyang, as a province's
export would be laid out: the districts, towns, villages and assessment
schemes first, then the cadres, town by town and village by village. The
cadres are varied copies of the 51 of the example population
(examples/hengyang/population.yaml, as tests/data/stream/hengyang.jsonl):
their roles, grades, warnings, reviews, missing and conflicting facts, with
new ids, names, villages, birth dates and scores. Deterministic for a seed.

    tests/scale/hengyang_population.py --cadres 1000000 --seed 1 > province.jsonl

Evaluate it on 2019-03-15, as the example (`cadre-policy eval rules/hengyang
province.jsonl --as-of 2019-03-15`). Uses only the standard library.
"""
import argparse
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TEMPLATES = os.path.join(HERE, "..", "data", "stream", "hengyang.jsonl")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "建国秀英志强春梅德明国华晓燕浩永贵淑芬文斌丽华建军红宇胜利桂兰海燕明亮玉兰新民小平卫东金凤光辉雪梅家豪婷婷俊杰"
TOWN_NAMES = "青禾松柏枫林石桥杨柳白沙荷叶松塘东湖西岭南岳北山云集泉溪茶陵花桥柏坊洪市"
CADRES_PER_VILLAGE = (5, 9)
VILLAGES_PER_TOWN = (12, 28)
TOWNS_PER_DISTRICT = 120


def line(record):
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def load_templates():
    with open(TEMPLATES, encoding="utf-8") as file:
        records = [json.loads(text) for text in file if text.strip()]
    return [r for r in records if r["kind"] == "cadre"], [r for r in records if r["kind"] == "village"]


def name(rng):
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def jitter_score(text, rng):
    try:
        value = max(40, min(99, int(float(text)) + rng.randint(-6, 6)))
    except (TypeError, ValueError):
        return text
    return str(value)


def cadre_from(template, rng, cadre_id, village_id):
    cadre = json.loads(json.dumps(template))  # a deep copy
    cadre["id"] = cadre_id
    cadre["name"] = name(rng)
    cadre["village_id"] = village_id
    if "birth_date" in cadre:
        year = int(cadre["birth_date"][:4]) + rng.randint(-3, 3)
        cadre["birth_date"] = "%04d%s" % (year, cadre["birth_date"][4:])
    for field in ("target_score", "report_appraisal_score"):
        if field in cadre:
            cadre[field] = jitter_score(cadre[field], rng)
    for entry in cadre.get("proposed_grades") or []:
        if "score" in entry:
            entry["score"] = jitter_score(entry["score"], rng)
    for entry in cadre.get("assessments") or []:
        if "score" in entry:
            entry["score"] = jitter_score(entry["score"], rng)
    return cadre


def write_population(out, cadre_count, seed):
    """Writes the population of `cadre_count` cadres to the text stream `out`."""
    rng = random.Random(seed)
    cadres, villages = load_templates()
    # The shape first: towns of villages of cadres, as many as needed.
    towns = []
    left = cadre_count
    while left > 0:
        town = []
        for _ in range(rng.randint(*VILLAGES_PER_TOWN)):
            if left <= 0:
                break
            size = min(left, rng.randint(*CADRES_PER_VILLAGE))
            town.append(size)
            left -= size
        towns.append(town)
    districts = (len(towns) + TOWNS_PER_DISTRICT - 1) // TOWNS_PER_DISTRICT
    for d in range(districts):
        out.write(line({"kind": "district", "id": "D%03d" % d, "name": "第%d县" % (d + 1)}) + "\n")
    for t, town in enumerate(towns):
        out.write(line({"kind": "town", "id": "T%05d" % t,
                        "name": rng.choice(TOWN_NAMES) + rng.choice(TOWN_NAMES) + "镇",
                        "district_id": "D%03d" % (t // TOWNS_PER_DISTRICT),
                        "village_cadre_count": sum(town)}) + "\n")
    for t, town in enumerate(towns):
        for v in range(len(town)):
            village = dict(rng.choice(villages))
            village["id"] = "T%05dV%02d" % (t, v)
            village["town_id"] = "T%05d" % t
            village["name"] = rng.choice(TOWN_NAMES) + rng.choice(TOWN_NAMES) + "村"
            out.write(line(village) + "\n")
    for d in range(districts):
        out.write(line({"kind": "scheme", "id": "K%03d-2018" % d, "name": "第%d县2018年度村干部考核方案" % (d + 1),
                        "dimension_weights": {"德": "0.10", "能": "0.10", "勤": "0.10", "绩": "0.55", "廉": "0.15"},
                        "method_weights": {"target": "0.60", "report": "0.40"}}) + "\n")
    for t, town in enumerate(towns):
        for v, size in enumerate(town):
            for c in range(size):
                template = rng.choice(cadres)
                cadre = cadre_from(template, rng, "T%05dV%02dC%02d" % (t, v, c), "T%05dV%02d" % (t, v))
                out.write(line(cadre) + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cadres", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--output", help="the file to write (default: stdout)")
    args = parser.parse_args()
    if args.output:
        with open(args.output, "w", encoding="utf-8") as out:
            write_population(out, args.cadres, args.seed)
    else:
        write_population(sys.stdout, args.cadres, args.seed)


if __name__ == "__main__":
    main()
