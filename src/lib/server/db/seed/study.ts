import type { Db } from '../client';
import { moduleRepo } from '../../study/module-repo';
import { uuidv7 } from '$lib/shared/id';
import { fileRepo } from '../../uploads/file-repo';
import { keep, receive } from '../../uploads/file-store';
import { fileSrc } from '../../uploads/upload-service';
import { demoWav } from './demo-audio';
import { DOCUMENTS, PARTY_BUILDING, SECRECY, type DemoModule } from './study-modules';

const CHARTER_LESSONS = [
	{
		title: '党支部的地位和作用',
		body: `## 党支部是党的基础组织

《中国共产党支部工作条例（试行）》开宗明义：党支部是党的基础组织，是党组织开展工作的基本单元，是党在社会基层组织中的战斗堡垒，是党的全部工作和战斗力的基础。

党支部担负**直接教育党员、管理党员、监督党员**和**组织群众、宣传群众、凝聚群众、服务群众**的职责。

## 怎样设立党支部

- 有正式党员 **3 人以上**的，应当成立党支部。
- 党员 **7 人以上**的党支部，设立党支部委员会；不足 7 人的，不设支部委员会，由党员大会选举支部书记 1 名。
- 党员人数较多或者工作地、居住地比较分散的，应当划分若干**党小组**。

> 学习提示：想一想，你所在的党支部有多少名党员？设不设支部委员会？分了几个党小组？`
	},
	{
		title: '“三会一课”与组织生活',
		body: `## “三会一课”

“三会一课”是党支部组织生活的基本制度：

1. **支部党员大会**，一般每季度召开 1 次；
2. **支部委员会会议**，一般每月召开 1 次；
3. **党小组会**，一般每月召开 1 次；
4. **党课**，一般每季度 1 次，党支部书记每年至少为党员讲 1 次党课。

## 其他组织生活

- **主题党日**：党支部每月相对固定 1 天开展，组织党员集中学习、过组织生活、进行民主议事和志愿服务。
- **组织生活会**：一般每年召开 1 次，通常安排在第四季度。
- **谈心谈话**：支部委员之间、支部委员和党员之间、党员和党员之间，每年一般不少于 1 次。
- **民主评议党员**：一般每年开展 1 次。

年老体弱、行动不便的党员，党组织可以送学上门，帮助他们参加学习；流动党员同样要参加组织生活、按时交纳党费。`
	},
	{
		title: '党员的教育管理和监督',
		body: `## 经常性教育

党支部要组织党员认真学习党的理论和路线方针政策，学习党章党规，学习业务知识。学习要**有计划、有安排、有考勤、有记录、有检查**。

## 关心每一名党员

- 对年老体弱、行动不便的党员，可以送学上门、电话谈心；
- 对流动党员，通过网络、电话等方式保持联系，督促参加组织生活；
- 对生活困难的党员，及时了解情况，帮助解决实际困难。

## 民主评议

民主评议党员一般每年开展 1 次，通过个人自评、党员互评、民主测评，确定评议等次。评议结果是党员年度考评的重要依据。`
	}
];

const CHARTER: DemoModule = {
	title: '《中国共产党支部工作条例（试行）》导读',
	track: 'political',
	summary: '党支部的地位作用、设置、组织生活和党员教育管理，共三课。',
	tags: ['支部工作条例', '三会一课'],
	lessons: CHARTER_LESSONS
};

export interface DemoModuleIds {
	charter: string;
	partyBuilding: string;
	secrecy: string;
	documents: string;
}

/** Four published modules for the whole demo organisation, over both tracks, three lessons each. */
export async function seedStudyDemo(db: Db, committeeId: string, adminId: string, now: number, uploadsDir: string): Promise<DemoModuleIds> {
	const repo = moduleRepo(db);
	const recording = await storeDemoAudio(db, uploadsDir, adminId, now);
	let seq = 0;
	const add = async (mod: DemoModule) => {
		const id = uuidv7(now + seq++);
		const { lessons, tags, ...rest } = mod;
		await repo.insert({ id, ...rest, tags: JSON.stringify(tags), ownerUnitId: committeeId, status: 'published', createdBy: adminId, createdAt: now, updatedAt: now, publishedAt: now - seq * 60_000 });
		for (const [i, { audio, ...lesson }] of lessons.entries()) {
			const media = audio ? JSON.stringify({ kind: 'audio', src: recording.src, name: recording.name }) : null;
			await repo.insertLesson({ id: uuidv7(now + seq++), moduleId: id, sort: i + 1, ...lesson, media, createdAt: now, updatedAt: now });
		}
		return id;
	};
	return { charter: await add(CHARTER), partyBuilding: await add(PARTY_BUILDING), secrecy: await add(SECRECY), documents: await add(DOCUMENTS) };
}

/** The demo recording (made in code, demo-audio.ts), stored as an upload would be. */
async function storeDemoAudio(db: Db, dir: string, adminId: string, now: number) {
	const wav = demoWav();
	const body = new ReadableStream<Uint8Array>({
		start(c) {
			c.enqueue(wav);
			c.close();
		}
	});
	const got = await receive(dir, body, wav.length);
	if (!got.ok) throw new Error('demo audio');
	await keep(dir, got.tmp, got.hash);
	const name = '党课录音（演示）.wav';
	await fileRepo(db).insert({ hash: got.hash, mime: 'audio/wav', kind: 'audio', size: wav.length, name, createdBy: adminId, createdAt: now });
	return { src: fileSrc(got.hash), name };
}
